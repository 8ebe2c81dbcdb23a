import type { z } from "zod";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { Scope } from "@/lib/auth/scopes";

export type ApiAuth = "public" | "optional" | "user" | { scope: Scope };

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
export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI path, `{param}` style. */
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  /** `public`, `optional` (a credential changes what it does), any signed-in caller, or a bearer token holding this scope. */
  auth: ApiAuth;
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
