import "server-only";
import { isAppError } from "@/lib/core/errors";
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
 * 500 (details go to the log with the request id, never to the caller). Documented routes
 * reach it through defineRoute (lib/api/define-route.ts); the few undocumented ones (cron,
 * local files) call it directly and check their own credential.
 */
export function apiRoute<P extends Params = Params>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async function route(request: Request, segment?: RouteSegment<P>): Promise<Response> {
    const requestId = requestIdOf(request);
    const locale = negotiateLocale(request.headers.get("accept-language"));
    let response: Response;
    try {
      const params = (await segment?.params) ?? {};
      response = await handler({ request, params: params as P, locale, requestId });
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
