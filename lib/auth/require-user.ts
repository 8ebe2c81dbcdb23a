import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getCaller } from "@/lib/auth/caller";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { sessionIdFromCookie } from "@/lib/auth/session-cookie";
import { env } from "@/lib/core/env";
import type { Session, User } from "@/lib/generated/prisma/client";
import { endedSessionReason } from "@/lib/services/sessions/ended-session-reason";

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
  const caller = await getCaller(await pageRequest());
  return caller ? { user: caller.user, session: caller.session } : null;
});

/** This page request as the resolver sees it: the public URL, the browser's headers. */
/** This page's or action's request as the resolver reads it: the cookie counts, never an `Authorization` header. */
async function pageRequest(): Promise<Request> {
  const requestHeaders = new Headers(await headers());
  requestHeaders.delete("authorization");
  return new Request(`${env().APP_URL}/`, { headers: requestHeaders });
}

/**
 * The signed-in user, or a redirect to /login?callbackUrl=<this page>, with `&reason=` when
 * the browser still holds the cookie of a session that ended without it (revoked from
 * another device, password changed, idle, expired), so the login page can say what happened.
 * Call it at the top of
 * every protected page (a server action gets it from defineAction): layouts do not re-run on
 * client navigation and the proxy is only a hint (CVE-2025-29927), so each entry point checks
 * for itself.
 *
 * Server actions need no CSRF token: Next only runs them for POSTs whose Origin matches the
 * Host, and the session cookie is SameSite=Lax, so another site cannot trigger one.
 */
export async function requireUser(options: { callbackUrl?: string } = {}): Promise<CurrentUser> {
  const current = await getOptionalUser();
  if (current) return current;
  const back = options.callbackUrl ?? (await headers()).get(PATHNAME_HEADER) ?? "/settings/profile";
  redirect(await loginUrl(back));
}

/** Where a visitor without a live session goes: the login page, told why when the cookie says. */
export async function loginUrl(back: string): Promise<string> {
  const sessionId = await sessionIdFromCookie(await pageRequest());
  const reason = sessionId ? await endedSessionReason(sessionId) : undefined;
  return `/login?callbackUrl=${encodeURIComponent(safeRedirect(back))}${reason ? `&reason=${reason}` : ""}`;
}
