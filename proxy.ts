import { NextResponse, type NextRequest } from "next/server";

/**
 * Tells server components which URL is being rendered (`x-portal-pathname`), so requireUser
 * can send a signed-out visitor to /login and back. Not an authorisation check: every page
 * and route verifies the session itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-portal-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|health$|auth/).*)"],
};
