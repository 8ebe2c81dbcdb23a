import type { z } from "zod";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { RoutePolicy } from "@/lib/auth/policy";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type ApiResponse = {
  status: number;
  description: string;
  /** Omitted for answers without a body (redirects). */
  schema?: z.ZodType;
  /** `application/json` unless said otherwise. */
  contentType?: string;
  example?: unknown;
  /** Named examples (taken from the seed documents, in the portal's shapes). */
  examples?: Record<string, { summary?: string; value: unknown }>;
  headers?: z.ZodObject;
};

/**
 * One documented route and method. `lib/openapi/document.ts` turns it into an OpenAPI
 * operation, adding the error answers every route shares (authentication, body parsing).
 */
export type ApiOperation<P extends RoutePolicy = RoutePolicy> = {
  method: HttpMethod;
  /** OpenAPI path, `{param}` style. */
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  /**
   * Who may call it (lib/auth/policy.ts): the credential kinds, the scope, how sensitive it
   * is. `apiRoute(operation, handler)` enforces it before the handler runs, and the
   * document's security, descriptions and error answers are derived from it.
   */
  policy: P;
  params?: { path?: z.ZodObject; query?: z.ZodObject };
  body?: {
    schema: z.ZodType;
    contentType?: "application/json" | "multipart/form-data";
    /** Named examples; the first is the one the contract test sends. */
    examples: Record<string, { summary?: string; value: unknown }>;
    /** Body-less calls are accepted too (an empty body reads as `{}`). */
    optional?: boolean;
  };
  responses: ApiResponse[];
  /** Error codes this route's service may answer, beyond authentication and body parsing. */
  errors: ErrorCode[];
  /** Seed 002's root paths served by the same handler (CONTRACT 1). */
  rootAliases?: string[];
};

/**
 * Declares a family's operations, keyed by operationId, keeping each one's policy type so
 * `apiRoute(ops.x, handler)` hands the handler the caller that policy guarantees.
 */
export function defineOperations<T extends Record<string, ApiOperation>>(operations: { [K in keyof T]: T[K] & { operationId: K } }): T {
  return operations as T;
}

/** A family's operations as the list the document and the tests walk. */
export function operationList(operations: Record<string, ApiOperation>): ApiOperation[] {
  return Object.values(operations);
}
