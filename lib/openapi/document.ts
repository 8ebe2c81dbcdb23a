import {
  createDocument,
  type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import type { ErrorCode } from "@/lib/core/error-codes";
import { POLICY } from "@/lib/auth/policy";
import { errorResponses, statusKey } from "@/lib/openapi/errors";
import type { ApiOperation } from "@/lib/api/define-route";
import { OPERATIONS } from "@/lib/openapi/operations";
import { policyText, securityFor, securitySchemes } from "@/lib/openapi/security";

export const API_VERSION = "1.0.0";

const DESCRIPTION = `The HTTP API of the account portal: profile and avatar, password, two-factor authentication, sessions, login history, notification preferences and connected services.

Five existing client contracts talk to it, each with its own route family and vocabulary, all served by the same domain services:

| seed | client | routes |
|---|---|---|
| 000 | the portal's own settings front end | \`/api/users/profile/**\`, \`/api/integrations/**\` |
| 001 | OAuth clients acting for a user (scope \`profile\`) | \`/api/auth/profile\`, \`/api/auth/profile/photo\`, \`/api/auth/userinfo\` |
| 002 | the mobile (Flutter) app | \`/auth/*\`, \`/health\` at the root, and the same under \`/api\` |
| 003 | the NutriScan web client | \`/api/auth/*\`, \`/api/users/*\`, \`/api/verification/*\` |
| 004 | generic API clients (Postman collection) | \`/api/auth/*\`, \`/api/sessions/**\`, \`/api/me/**\` |

**Errors** always have one shape, on every route: \`{success: false, statusCode, error: "CODE", message, details?}\`; \`details\` maps each invalid field to its message. The same body reads as seed 002's \`{statusCode, message, error}\` and as seed 003's and 004's \`{success: false, message, error, details}\`. Bad input is always a 4xx, never a 500.

**Languages**: \`message\` texts are French by default (the language of the contract documents) and English when \`Accept-Language\` prefers it. Where a contract document shows a message, the French text is that message verbatim; descriptions quote it.

**Times** are ISO 8601 strings, except seed 001's \`updated_at\`, \`created_at\` and \`linked_at\`, which are Unix seconds as that document shows.`;

const TAGS = [
  { name: "Authentication", description: "Sign-up, sign-in, tokens and sign-out (seeds 002, 003, 004)." },
  { name: "Password", description: "Change, forgotten password and reset (seeds 000, 002, 003, 004)." },
  { name: "Email verification", description: "Verification emails and tokens (seeds 003, 004)." },
  { name: "Two-factor authentication", description: "TOTP (RFC 6238) with backup codes (seeds 000, 004)." },
  { name: "Sessions", description: "One session per sign-in, browser or API (seed 004)." },
  { name: "Profile (000)", description: "The settings front end's snake_case profile." },
  { name: "Notifications (000)", description: "Notification preferences per channel." },
  { name: "Integrations (000)", description: "Third-party services the user connects with OAuth." },
  { name: "OAuth profile (001)", description: "OpenID Connect claims for OAuth clients holding the `profile` scope." },
  { name: "Mobile profile (002)", description: "The Flutter app's profile page." },
  { name: "Users (003)", description: "NutriScan's users, addressed by email (the caller's own only)." },
  { name: "Account (004)", description: "The caller's account, login history and deletion." },
  { name: "Health", description: "Liveness and database connectivity." },
  {
    name: "Root paths (002)",
    description: "Seed 002's client calls `/auth/*` and `/health` at the root: each is the `/api` operation of the same name, served by the same handler.",
  },
];

/** Every answer's `message` follows it (docs/contracts/README.md "Localised messages"). */
const acceptLanguage = z
  .string()
  .optional()
  .meta({
    param: { name: "Accept-Language", in: "header", id: "AcceptLanguage" },
    description: "`fr` (default) or `en`: the language of `message` texts.",
    example: "fr",
  });

const AUTH_ERRORS: ErrorCode[] = ["UNAUTHORIZED", "INVALID_TOKEN", "CSRF_FAILED", "FORBIDDEN", "INSUFFICIENT_SCOPE"];
const JSON_BODY_ERRORS: ErrorCode[] = ["VALIDATION_ERROR", "INVALID_JSON", "UNSUPPORTED_CONTENT_TYPE", "PAYLOAD_TOO_LARGE"];

/** Every error an operation may answer: its own, plus the shared plumbing's. */
export function errorCodesOf(operation: ApiOperation): ErrorCode[] {
  const codes: ErrorCode[] = [...operation.errors];
  const { policy } = operation;
  if (policy.access === "optional") codes.push("CSRF_FAILED");
  else if (policy.access === "caller") {
    codes.push(...AUTH_ERRORS);
    const sudo = policy.sensitivity !== "none" || Object.values(policy.sensitiveFields ?? {}).includes("sudo");
    if (sudo) codes.push("REAUTH_REQUIRED");
  }
  if (operation.body?.contentType !== "multipart/form-data" && operation.body) codes.push(...JSON_BODY_ERRORS);
  if (operation.params?.path || operation.params?.query) codes.push("VALIDATION_ERROR");
  codes.push("INTERNAL_ERROR");
  return [...new Set(codes)];
}

function toOperation(operation: ApiOperation, alias?: string): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const answer of operation.responses) {
    responses[statusKey(answer.status)] = {
      description: answer.description,
      ...(answer.headers ? { headers: answer.headers } : {}),
      ...(answer.schema
        ? {
            content: {
              [answer.contentType ?? "application/json"]: {
                schema: answer.schema,
                ...(answer.example !== undefined ? { example: answer.example } : {}),
                ...(answer.examples ? { examples: answer.examples } : {}),
              },
            },
          }
        : {}),
    };
  }
  for (const [status, response] of Object.entries(errorResponses(errorCodesOf(operation)))) {
    // A route's own documented answer for a status (health's 503) takes precedence.
    if (!(status in responses)) responses[statusKey(Number(status))] = response;
  }
  const body = operation.body;
  const note = alias
    ? `\n\nRoot alias of \`${operation.method.toUpperCase()} ${operation.path}\` for seed 002's client (docs/contracts/README.md, "Paths and aliases"): same handler, same answers.`
    : operation.rootAliases?.length
      ? `\n\nAlso served at ${operation.rootAliases.map((p) => `\`${p}\``).join(", ")} for seed 002's client.`
      : "";
  return {
    operationId: alias ? `${operation.operationId}AtRoot${alias === "/auth/signin" ? "Signin" : ""}` : operation.operationId,
    tags: alias ? ["Root paths (002)"] : operation.tags,
    summary: alias ? `${operation.summary} (${alias})` : operation.summary,
    parameters: [acceptLanguage],
    description: [operation.description ?? "", policyText(operation.policy)].filter(Boolean).join("\n\n").concat(note).trim() || undefined,
    security: securityFor(operation.policy),
    ...(operation.params ? { requestParams: operation.params } : {}),
    ...(body
      ? {
          requestBody: {
            required: !("optional" in body && body.optional),
            content: {
              [body.contentType ?? "application/json"]: { schema: body.schema, examples: body.examples },
            },
          },
        }
      : {}),
    responses,
  };
}

export function buildPaths(operations: readonly ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  const add = (path: string, operation: ApiOperation, alias?: string) => {
    const item = (paths[path] ??= {});
    if (item[operation.method]) throw new Error(`Two operations for ${operation.method.toUpperCase()} ${path}`);
    item[operation.method] = toOperation(operation, alias);
  };
  for (const operation of operations) {
    add(operation.path, operation);
    for (const alias of operation.rootAliases ?? []) add(alias, operation, alias);
  }
  return Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
}

/** The OpenAPI 3.1 document of every `/api` route, built from the zod schemas. */
export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Account Portal API",
      version: API_VERSION,
      description: DESCRIPTION,
    },
    servers: [{ url: "/", description: "The portal serving this document" }],
    tags: TAGS,
    security: securityFor(POLICY.signedIn),
    paths: buildPaths(OPERATIONS),
    components: { securitySchemes },
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas do not change at run time. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
