import { NextResponse, type NextRequest } from "next/server";

/**
 * Every page answer gets its Content-Security-Policy here, with a fresh script nonce per
 * request: Next reads the nonce from the request's CSP header and puts it on its own
 * bootstrap scripts; the root layout passes it (`x-nonce`) to next-themes' inline script.
 * Pages are dynamic anyway (they read the session), so a per-request nonce costs nothing.
 *
 * Also tells server components which URL is being rendered (`x-portal-pathname`), so
 * requireUser can send a signed-out visitor to /login and back. Not an authorisation
 * check: every page and route verifies the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("x-portal-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic').
 * Styles: inline style attributes are used by the UI kit (Radix positions its popovers with
 * them), so 'unsafe-inline' stays for styles only. Images: avatars may live on Vercel Blob
 * (https) and the 2FA QR code is a data: URL.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|health$|auth/).*)"],
};
