import { isAppError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/response";
import { requestIdOf } from "@/lib/api/request-id";
import { negotiateLocale, type Locale } from "@/lib/i18n/locale";
import { describeError, logger } from "@/lib/logger";

export type ApiContext<P> = {
  request: Request;
  params: P;
  locale: Locale;
  requestId: string;
};

type RouteSegment<P> = { params: Promise<P> };
type Params = Record<string, string | string[] | undefined>;

/**
 * Wraps a route handler: locale from Accept-Language, `x-request-id` on every answer,
 * AppError mapped to its status in the error envelope, anything else answered as a bare
 * 500 (details go to the log with the request id, never to the caller).
 */
export function apiRoute<P extends Params = Params>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async function route(request: Request, segment?: RouteSegment<P>): Promise<Response> {
    const requestId = requestIdOf(request);
    const locale = negotiateLocale(request.headers.get("accept-language"));
    let response: Response;
    try {
      const params = ((await segment?.params) ?? {}) as P;
      response = await handler({ request, params, locale, requestId });
    } catch (error) {
      if (isAppError(error)) {
        response = errorResponse(error.code, locale, {
          details: error.options.details,
          message: error.options.message,
          headers: error.options.headers,
        });
      } else {
        logger.error("Unhandled error in API route", {
          requestId,
          method: request.method,
          path: new URL(request.url).pathname,
          ...describeError(error),
        });
        response = errorResponse("INTERNAL_ERROR", locale);
      }
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
