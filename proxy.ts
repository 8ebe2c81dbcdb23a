import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/response";
import { isDatabaseReachable } from "@/lib/db/reachability";
import { env } from "@/lib/core/env";
import { negotiateLocale } from "@/lib/i18n/locale";
import { statusText } from "@/lib/i18n/ui/status";
import { statusPage } from "@/lib/api/status-page";

/**
 * Pages only, with one exception (undecodable addresses, below). For every page answer:
 * - its Content-Security-Policy, with a fresh script nonce per request: Next reads the nonce
 *   from the request's CSP header and puts it on its own bootstrap scripts; the root layout
 *   passes it (`x-nonce`) to the inline theme script. Pages are dynamic anyway (they read
 *   the session), so a per-request nonce costs nothing.
 * - 503 with Retry-After while PostgreSQL is unreachable (lib/db/reachability.ts): a server
 *   component cannot set its status, so the render would be a 500.
 * - the URL being rendered (`x-portal-pathname`), so requireUser can send a signed-out
 *   visitor to /login and back. Not an authorisation check: every page and route verifies
 *   the session itself.
 *
 * The API stays out of the proxy (see `config`): a request that goes through it has its body
 * buffered by Next before the route sees it, which would delay every upload and keep a route
 * from refusing a lying Content-Length at once (docs/PERFORMANCE.md, "Fuzzing").
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const page = !NOT_A_PAGE.test(pathname);
  if (!isDecodable(pathname)) {
    if (!page) return errorResponse("VALIDATION_ERROR", locale, { message: INVALID_PATH[locale] });
    const text = statusText[locale];
    return statusPage({ status: 400, locale, title: text.badAddressTitle, body: text.badAddressBody, link: { href: "/", label: text.badAddressHome } });
  }
  if (!page) return NextResponse.next();

  const databaseUrl = env().DATABASE_URL;
  if (databaseUrl && !(await isDatabaseReachable(databaseUrl))) {
    const text = statusText[locale];
    return statusPage({
      status: 503,
      locale,
      title: text.unavailableTitle,
      body: text.unavailableBody,
      link: { href: `${pathname}${search}`, label: text.unavailableRetry },
      headers: { "retry-after": "2" },
    });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV !== "production", inlineStyles: pathname.startsWith("/docs/") });
  const headers = new Headers(request.headers);
  headers.set("x-portal-pathname", `${pathname}${search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** The paths of the first matcher's exclusions: the API, its seed 002 aliases at the root, Next's assets. */
const NOT_A_PAGE = /^\/(?:api\/|_next\/|auth\/|favicon\.ico$|robots\.txt$|health$)/;

const INVALID_PATH = {
  fr: "Le chemin de l'URL contient un encodage en pourcentage invalide.",
  en: "The URL path is not valid percent-encoding.",
};

/**
 * Next.js answers a plain-text 500 when a path holds undecodable percent-encoding
 * (`/api/sessions/%E0%A4%A`, `/%`; vercel/next.js#92527), before any route code runs. It
 * is the client's mistake, so it gets a 400 here, before routing.
 */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic').
 * Styles: stylesheets only. No server-rendered markup of ours carries a style attribute or
 * element; React sets the upload progress bar's width through the CSSOM after hydration,
 * which a CSP does not govern. The API reference (/docs/api) is the exception: Scalar
 * injects its own style elements, so that page alone allows inline styles (never scripts).
 * Development allows them too, for Next's error overlay. Images: avatars may live on Vercel
 * Blob (https) and the 2FA QR code is a data: URL.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean; inlineStyles?: boolean } = {}): string {
  const { development = false, inlineStyles = false } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${development || inlineStyles ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Every page, and any other path with a `%` that does not start an ASCII escape (`%00`-`%7F`):
 * only those can be undecodable. Next tests a matcher against the raw path, so an API request
 * passes through the proxy only then; seed 003's `/api/users/profile/jane%40example.com`
 * does not, and keeps its unbuffered body.
 */
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|health$|auth/).*)", "/:path(.*%(?![0-7][0-9A-Fa-f]).*)"],
};
