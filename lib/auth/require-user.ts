import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getCaller } from "@/lib/auth/caller";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import type { Session, User } from "@/lib/generated/prisma/client";

export type CurrentUser = { user: User; session: Session };

/** Set by proxy.ts on page requests, so a server component knows the URL to come back to. */
export const PATHNAME_HEADER = "x-portal-pathname";

/**
 * The signed-in user of this request, or null. It goes through the same resolver as the API
 * (getCaller): the Auth.js cookie names a Session row, which must be live, so a session
 * revoked from another device stops this one on its very next request. Cached per request.
 * Pages and server actions are the browser's: only the session cookie counts here, never an
 * `Authorization` header (lib/auth/policy.ts).
 */
export const getOptionalUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = new Headers(await headers());
  requestHeaders.delete("authorization");
  const caller = await getCaller(new Request(`${env().APP_URL}/`, { headers: requestHeaders }));
  return caller ? { user: caller.user, session: caller.session } : null;
});

/**
 * The signed-in user, or a redirect to /login?callbackUrl=<this page>. Call it at the top of
 * every protected page and server action: layouts do not re-run on client navigation and
 * the proxy is only a hint (CVE-2025-29927), so each entry point checks for itself.
 *
 * Server actions need no CSRF token: Next only runs them for POSTs whose Origin matches the
 * Host, and the session cookie is SameSite=Lax, so another site cannot trigger one.
 */
export async function requireUser(options: { callbackUrl?: string } = {}): Promise<CurrentUser> {
  const current = await getOptionalUser();
  if (current) return current;
  const back = options.callbackUrl ?? (await headers()).get(PATHNAME_HEADER) ?? "/settings/profile";
  redirect(`/login?callbackUrl=${encodeURIComponent(safeRedirect(back))}`);
}
