import "server-only";
import { now } from "@/lib/core/clock";
import { env } from "@/lib/core/env";
import type { Session } from "@/lib/generated/prisma/client";

/**
 * Sudo mode: how long a proof of identity (the sign-in itself, or a re-authentication on
 * the same session) lets the caller make sensitive changes without being asked again.
 * The default; `REAUTH_WINDOW_SECONDS` overrides it (reauthWindowMs).
 */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

/** The sudo window in force: `REAUTH_WINDOW_SECONDS` (default 600). */
export function reauthWindowMs(): number {
  return env().REAUTH_WINDOW_SECONDS * 1000;
}

/** When the session's user last proved who they are: the sign-in, or a later re-authentication. */
export function lastAuthenticatedAt(session: Pick<Session, "createdAt" | "reauthenticatedAt">): Date {
  const { createdAt, reauthenticatedAt } = session;
  return reauthenticatedAt && reauthenticatedAt > createdAt ? reauthenticatedAt : createdAt;
}

/** True while the session is within its sudo window. */
export function hasRecentAuthentication(session: Pick<Session, "createdAt" | "reauthenticatedAt">, at: Date = now()): boolean {
  return at.getTime() - lastAuthenticatedAt(session).getTime() <= reauthWindowMs();
}
