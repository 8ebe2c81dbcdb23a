import { z } from "zod";
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";

/**
 * The one error envelope (docs/contracts/README.md "Error envelope"), derived from the catalogue in
 * lib/core/error-codes.ts: one schema per HTTP status whose `error` is the enum of the codes
 * answered with that status, so adding a code there documents it here.
 */
const ALL_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

export function codesWithStatus(status: number): ErrorCode[] {
  return ALL_CODES.filter((code) => ERROR_CODES[code].status === status);
}

type StatusKey = `${1 | 2 | 3 | 4 | 5}${string}`;

/** An HTTP status as a key of an OpenAPI responses object. */
export function statusKey(status: number): StatusKey {
  const key = String(status);
  if (!/^[1-5]\d\d$/.test(key)) throw new Error(`Not an HTTP status: ${status}`);
  return key as StatusKey;
}

const envelopes = new Map<number, z.ZodType>();

/** The error body for one status: `{success: false, statusCode, error, message, details?}`. */
export function errorEnvelope(status: number): z.ZodType {
  const cached = envelopes.get(status);
  if (cached) return cached;
  const codes = codesWithStatus(status);
  if (codes.length === 0) throw new Error(`No error code answers with status ${status} (lib/core/error-codes.ts)`);
  const first = codes[0]!;
  const schema = z
    .object({
      success: z.literal(false),
      statusCode: z.literal(status),
      error: z.enum(codes as [ErrorCode, ...ErrorCode[]]).meta({ description: "Machine-readable error code." }),
      message: z.string().meta({
        description: "Localised message: French by default, English when Accept-Language prefers it.",
        example: ERROR_CODES[first].en,
      }),
      details: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Validation errors: each invalid field mapped to its message." }),
    })
    .meta({
      id: `Error${status}`,
      description: `Error envelope answered with HTTP ${status}. Codes and messages (fr / en):\n\n${codes
        .map((code) => `- \`${code}\`: « ${ERROR_CODES[code].fr} » / "${ERROR_CODES[code].en}"`)
        .join("\n")}`,
    });
  envelopes.set(status, schema);
  return schema;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid request",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  429: "Too many requests",
  500: "Internal error",
  502: "Upstream provider error",
  503: "Service unavailable",
};

const RESPONSE_HEADERS: Partial<Record<number, ZodOpenApiResponseObject["headers"]>> = {
  401: z.object({
    "WWW-Authenticate": z.string().meta({ description: 'Bearer challenge, e.g. `Bearer error="invalid_token"`.' }),
  }),
  403: z.object({
    "WWW-Authenticate": z
      .string()
      .optional()
      .meta({ description: 'With `INSUFFICIENT_SCOPE`: `Bearer error="insufficient_scope", scope="profile"`.' }),
  }),
  429: z.object({
    "Retry-After": z.string().optional().meta({ description: "Seconds until the lock ends (ACCOUNT_LOCKED)." }),
  }),
};

/**
 * Error responses of an operation, keyed by status. `codes` name the errors this operation
 * is known to answer (they appear in the description); the schema accepts every code of that
 * status, as shared plumbing (body limits, authentication) may answer any of them.
 */
export function errorResponses(codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, list] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    const headers = RESPONSE_HEADERS[status];
    responses[statusKey(status)] = {
      description: `${STATUS_TEXT[status] ?? "Error"}: ${[...new Set(list)].map((c) => `\`${c}\``).join(", ")}.`,
      ...(headers ? { headers } : {}),
      content: { "application/json": { schema: errorEnvelope(status) } },
    };
  }
  return responses;
}
