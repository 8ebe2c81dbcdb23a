import "server-only";
import type { z } from "zod";
import { readBodyBytes, readJson } from "@/lib/api/body";
import { apiRoute, type ApiContext } from "@/lib/api/handler";
import { readImageUpload } from "@/lib/api/upload";
import { validate } from "@/lib/validation/validate";
import { authorizeRequest, recentSudoGrant, sudoGrant, type CallerFor, type RoutePolicy, type SudoGrant } from "@/lib/auth/policy";
import type { Caller } from "@/lib/auth/caller";
import { clientInfo, type ClientInfo } from "@/lib/core/client-info";
import type { ErrorCode } from "@/lib/core/error-codes";
import { AppError, isAppError } from "@/lib/core/errors";
import type { Locale } from "@/lib/i18n/locale";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type ApiResponse = {
  status: number;
  description: string;
  /** Omitted for answers without a body (redirects). */
  schema?: z.ZodType;
  /** `application/json` unless said otherwise. */
  contentType?: string;
  example?: unknown;
  /** Named examples (taken from the client contracts, in the portal's shapes). */
  examples?: Record<string, { summary?: string; value: unknown }>;
  headers?: z.ZodObject;
};

type Examples = Record<string, { summary?: string; value: unknown }>;

/** A JSON body, parsed and validated before the handler runs. */
export type JsonBody = {
  schema: z.ZodType;
  contentType?: "application/json";
  /** Named examples; the first is the one the contract test sends. */
  examples: Examples;
  /** Body-less calls are accepted too (an empty body reads as `{}`). */
  optional?: boolean;
  /**
   * A route whose body has two documented meanings (docs/contracts/README.md, "Paths and
   * aliases"): picks the schema that validates this body; `schema` documents their union.
   */
  pick?: (raw: unknown) => z.ZodType;
  /**
   * Also accepts the same fields as an HTML form (`application/x-www-form-urlencoded`): a
   * browser posting it gets `answer(code)` (a redirect) for any refusal instead of JSON.
   */
  form?: { answerError: (code: ErrorCode) => Response };
};

/** One image file in a multipart form field: the handler receives its bytes. */
export type UploadBody = {
  schema: z.ZodType;
  contentType: "multipart/form-data";
  /** The form field holding the file. */
  field: string;
  examples: Examples;
  /**
   * For a client whose document answers an upload refusal its own way (docs/contracts/README.md
   * "Avatars"): rethrows any error of the route, reading the file or storing it, as that client's.
   */
  rewriteError?: (error: unknown, locale: Locale) => never;
};

/**
 * One documented route and method: what it is (method, path, names, docs), who may call it
 * (its credential policy), what it reads (path, query, body) and answers, and the named
 * function that serves it. The route file, the OpenAPI document, the fuzzer and the
 * credential-matrix test are all built from these objects.
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
   * is. Enforced before anything of the request is read; the document's security,
   * descriptions and error answers are derived from it.
   */
  policy: P;
  params?: { path?: z.ZodObject; query?: z.ZodObject };
  /**
   * What a path that `params.path` refuses answers, when not 400 VALIDATION_ERROR: a path
   * naming something outside a fixed set (an unknown provider) names nothing, so NOT_FOUND.
   */
  invalidPathAnswers?: ErrorCode;
  /**
   * Query parameters the route reads that no client sends, only the portal's own redirects
   * (`/api/oauth/complete?challenge=`): parsed and handed over as `query` like `params.query`,
   * but left out of the document.
   */
  internalQuery?: z.ZodObject;
  /**
   * Refusals that outrank the body's, run once the caller and path are checked and before the
   * body is read: an unknown resource named in the path is a 404, and a path naming another
   * user's account a 403 (docs/contracts/README.md, "Who is calling"), whatever the body holds.
   * Method syntax, so each route narrows its input.
   */
  beforeBody?(input: { caller: Caller | null; params: Record<string, unknown> }): void;
  body?: JsonBody | UploadBody;
  responses: ApiResponse[];
  /** Error codes this route's service may answer, beyond authentication and body parsing. */
  errors: ErrorCode[];
  /** The mobile app's root paths served by the same handler (docs/contracts/mobile.md). */
  rootAliases?: string[];
};

type Output<S> = S extends z.ZodType ? z.output<S> : Record<never, string>;

type BodyOf<O extends ApiOperation> = O["body"] extends UploadBody ? Uint8Array : O["body"] extends JsonBody ? z.output<O["body"]["schema"]> : undefined;

/** What a route's handler receives: everything already checked, parsed and validated. */
export type RouteInput<O extends ApiOperation> = {
  /** The caller, resolved and checked as the route's policy says. */
  caller: CallerFor<O["policy"]>;
  body: BodyOf<O>;
  /** Whether the body came as JSON or as an HTML form (routes with `body.form`). */
  bodyFormat: "json" | "form";
  params: O["params"] extends { path: infer S } ? Output<S> : Record<never, string>;
  query: O["params"] extends { query: infer S } ? Output<S> : O extends { internalQuery: infer S } ? Output<S> : Record<never, string>;
  /** Where the request comes from (read on first use: most reads never need it). */
  client: ClientInfo;
  locale: ApiContext<unknown>["locale"];
  requestId: string;
  /** For what only the raw request can say (the URL of a redirect, cookies to clear). */
  request: Request;
  /** The caller's SudoGrant, or 403 INSUFFICIENT_SCOPE (third-party token) / REAUTH_REQUIRED (outside the window). */
  sudo: () => SudoGrant;
  /** The SudoGrant when the caller is within its window, else undefined: for a service that takes another proof instead. */
  recentSudo: () => SudoGrant | undefined;
};

export type RouteHandler<O extends ApiOperation> = (input: RouteInput<O>) => Promise<Response>;

/** An operation with the function that serves it (method syntax: a list of routes holds any). */
export type RouteDefinition<O extends ApiOperation = ApiOperation> = O & { handler(input: RouteInput<O>): Promise<Response> };

/**
 * Declares one route: its operation, then the function that serves it. Name that function
 * after the operation (`async function getMe004(...)`): stack traces and logs then name it.
 */
export function defineRoute<O extends ApiOperation>(operation: O, handler: RouteHandler<O>): RouteDefinition<O> {
  return { ...operation, handler };
}

function requireCallerOf(caller: Caller | null): Caller {
  // Only reachable from a handler of a public route asking for a grant: a programming error.
  if (!caller) throw new Error("This route's policy resolves no caller");
  return caller;
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const FORM_LIMIT_BYTES = 4096;

async function readBody(operation: ApiOperation, request: Request, locale: RouteInput<ApiOperation>["locale"]) {
  const body = operation.body;
  if (!body) return { body: undefined, bodyFormat: "json" as const };
  if (body.contentType === "multipart/form-data") return { body: await readImageUpload(request, body.field), bodyFormat: "json" as const };
  if (body.form && FORM_TYPE.test(request.headers.get("content-type") ?? "")) {
    const raw = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(await readBodyBytes(request, FORM_LIMIT_BYTES))));
    return { body: validate(body.pick?.(raw) ?? body.schema, raw, locale), bodyFormat: "form" as const };
  }
  const raw = await readJson(request);
  return { body: validate(body.pick?.(raw) ?? body.schema, raw, locale), bodyFormat: "json" as const };
}

function validatePath(route: ApiOperation, schema: z.ZodObject, raw: unknown, locale: RouteInput<ApiOperation>["locale"]) {
  try {
    return validate(schema, raw, locale);
  } catch (error) {
    if (route.invalidPathAnswers && isAppError(error)) throw new AppError(route.invalidPathAnswers);
    throw error;
  }
}

/** The Next.js handler of one route: policy, then path, query and body, then the named handler. */
export function serveRoute(route: RouteDefinition) {
  return apiRoute(async ({ request, params: rawParams, locale, requestId }) => {
    // Before anything of the request is read.
    const caller = await authorizeRequest(request, route.policy);
    const params = route.params?.path ? validatePath(route, route.params.path, rawParams, locale) : rawParams;
    const querySchema = route.params?.query ?? route.internalQuery;
    const query = querySchema ? validate(querySchema, Object.fromEntries(new URL(request.url).searchParams), locale) : {};
    route.beforeBody?.({ caller, params });
    let client: ClientInfo | undefined;
    const serve = async () => {
      const { body, bodyFormat } = await readBody(route, request, locale);
      return route.handler({
        caller,
        body,
        bodyFormat,
        params,
        query,
        get client() {
          return (client ??= clientInfo(request));
        },
        locale,
        requestId,
        request,
        sudo: () => sudoGrant(requireCallerOf(caller)),
        recentSudo: () => recentSudoGrant(requireCallerOf(caller)),
      } as RouteInput<ApiOperation>);
    };
    const rewriteError = route.body && "rewriteError" in route.body ? route.body.rewriteError : undefined;
    if (rewriteError) return serve().catch((error: unknown) => rewriteError(error, locale));
    const form = route.body && "form" in route.body ? route.body.form : undefined;
    if (!form || !FORM_TYPE.test(request.headers.get("content-type") ?? "")) return serve();
    try {
      return await serve();
    } catch (error) {
      if (!isAppError(error)) throw error;
      return form.answerError(error.code);
    }
  });
}

type NextHandler = ReturnType<typeof serveRoute>;

/**
 * What a `route.ts` exports: one Next.js handler per method of its routes, as in
 * `export const { GET, PATCH } = routeHandlers(getMe004, updateMe004);`.
 */
export function routeHandlers<const R extends readonly RouteDefinition[]>(...routes: R): { [D in R[number] as Uppercase<D["method"]>]: NextHandler } {
  const handlers: Record<string, NextHandler> = {};
  for (const route of routes) {
    const method = route.method.toUpperCase();
    if (handlers[method]) throw new Error(`Two routes for ${method} ${route.path}`);
    handlers[method] = serveRoute(route);
  }
  return handlers as { [D in R[number] as Uppercase<D["method"]>]: NextHandler };
}
