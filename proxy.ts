import { NextResponse, type NextRequest } from "next/server";

const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an `x-request-id` (kept when the caller sent a sane one) and echoes it
 * on the answer, so a log line can be matched to what a user saw. Authorisation is not done
 * here: every route and page checks its caller itself.
 */
export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const id = incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", id);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", id);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
