import "server-only";
import { env } from "@/lib/core/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-authenticated request that changes state must come from the portal's own pages
 * (docs/contracts/README.md "Who is calling"): its Origin must be the portal's, or, when a browser sends no Origin, its
 * Sec-Fetch-Site must say same-origin. SameSite=Lax cookies are the first line; this is the
 * second. Bearer requests carry no ambient credential and need no such check.
 */
export function isSameOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin) {
    const allowed = new Set([new URL(env().APP_URL).origin, new URL(request.url).origin]);
    return allowed.has(origin);
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}
