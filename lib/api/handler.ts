import type { z } from "zod";
import { isAppError } from "@/lib/core/errors";
import { authorizeRequest, recentSudoGrant, sudoGrant, type CallerFor, type SudoGrant } from "@/lib/auth/policy";
import type { Caller } from "@/lib/auth/caller";
import type { ApiOperation } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/response";
import { requestIdOf } from "@/lib/api/request-id";
import { negotiateLocale, type Locale } from "@/lib/i18n/locale";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { describeError, logger } from "@/lib/core/logger";

export type ApiContext<P> = {
  request: Request;
  params: P;
  locale: Locale;
  requestId: string;
};

type RouteSegment<P> = { params: Promise<P> };
type Params = Record<string, string | string[] | undefined>;

/** A documented route's path parameters, named by its operation's `params.path` schema. */
type PathParams<O extends ApiOperation> = O["params"] extends { path: z.ZodObject<infer Shape> } ? { [K in keyof Shape]: string } : Record<never, string>;

/**
 * What a documented route's handler gets: its caller, resolved and checked as the
 * operation's policy says (so a handler cannot forget or mis-state it), and the way to the
 * sudo grant that sensitive fields need.
 */
export type OperationContext<O extends ApiOperation> = ApiContext<PathParams<O>> & {
  caller: CallerFor<O["policy"]>;
  /** The caller's SudoGrant, or 403 INSUFFICIENT_SCOPE (third-party token) / REAUTH_REQUIRED (outside the 10-minute window). */
  sudo: () => SudoGrant;
  /** The SudoGrant when the caller is within its window, else undefined: for a service that takes another proof instead. */
  recentSudo: () => SudoGrant | undefined;
};

function requireCallerOf(caller: Caller | null): Caller {
  // Only reachable from a handler of a public route asking for a grant: a programming error.
  if (!caller) throw new Error("This route's policy resolves no caller");
  return caller;
}

/**
 * The request path for the log, with secret-looking segments (the emailed 64-hex tokens of
 * /api/auth/password-reset/.../{token} and /api/verification/verify/{token}, JWTs, long
 * random strings) replaced: a log line must never hold a usable token. No query string.
 */
export function loggablePath(url: string): string {
  return new URL(url).pathname
    .split("/")
    .map((segment) => (/^[A-Za-z0-9_-]{32,}$/.test(segment) || /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(segment) ? "[redacted]" : segment))
    .join("/");
}

/**
 * Wraps a route handler: locale from Accept-Language, `x-request-id` on every answer,
 * AppError mapped to its status in the error envelope, an unreachable or saturated database
 * answered 503 SERVICE_UNAVAILABLE with Retry-After, anything else answered as a bare
 * 500 (details go to the log with the request id, never to the caller).
 */
export function apiRoute<O extends ApiOperation>(
  operation: O,
  handler: (ctx: OperationContext<O>) => Promise<Response>,
): (request: Request, segment?: RouteSegment<Params>) => Promise<Response>;
/** An undocumented route (Auth.js, cron, local files): it checks its own credential. */
export function apiRoute<P extends Params = Params>(handler: (ctx: ApiContext<P>) => Promise<Response>): (request: Request, segment?: RouteSegment<P>) => Promise<Response>;
export function apiRoute(
  first: ApiOperation | ((ctx: ApiContext<Params>) => Promise<Response>),
  second?: (ctx: OperationContext<ApiOperation>) => Promise<Response>,
) {
  const handler: (ctx: ApiContext<Params>) => Promise<Response> =
    typeof first === "function"
      ? first
      : async (ctx) => {
          // Before the handler, so before anything of the body is read.
          const caller = await authorizeRequest(ctx.request, first.policy);
          return second!({
            ...ctx,
            params: ctx.params as Record<never, string>,
            caller,
            sudo: () => sudoGrant(requireCallerOf(caller)),
            recentSudo: () => recentSudoGrant(requireCallerOf(caller)),
          });
        };
  return async function route(request: Request, segment?: RouteSegment<Params>): Promise<Response> {
    const requestId = requestIdOf(request);
    const locale = negotiateLocale(request.headers.get("accept-language"));
    let response: Response;
    try {
      const params = (await segment?.params) ?? {};
      response = await handler({ request, params, locale, requestId });
    } catch (error) {
      if (isAppError(error)) {
        response = errorResponse(error.code, locale, {
          details: error.options.details,
          message: error.options.message,
          headers: error.options.headers,
        });
      } else if (isDatabaseUnavailable(error)) {
        // Not a bug: the database is down, restarting or has no free connection. The client
        // may retry; nothing was answered on the strength of an unchecked session.
        logger.warn("Database unavailable in API route", {
          requestId,
          method: request.method,
          path: loggablePath(request.url),
          ...describeError(error),
        });
        response = errorResponse("SERVICE_UNAVAILABLE", locale, { headers: { "Retry-After": "2" } });
      } else {
        logger.error("Unhandled error in API route", {
          requestId,
          method: request.method,
          path: loggablePath(request.url),
          ...describeError(error),
        });
        response = errorResponse("INTERNAL_ERROR", locale);
      }
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
