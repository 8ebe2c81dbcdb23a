import "server-only";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { endIdleSession, sessionState } from "@/lib/services/sessions/create-session";

/** What the login page tells a browser whose session ended without it signing out (`/login?reason=`). */
export const SIGNED_OUT_REASONS = ["revoked", "password", "idle", "expired"] as const;
export type SignedOutReason = (typeof SIGNED_OUT_REASONS)[number];

export function isSignedOutReason(value: unknown): value is SignedOutReason {
  return typeof value === "string" && (SIGNED_OUT_REASONS as readonly string[]).includes(value);
}

/**
 * Why the session a browser's cookie still names can no longer be used, for the login page
 * to say so instead of showing a bare form: revoked from another device (or by "sign out
 * everywhere else"), ended by a password change or reset, idle too long (ended here, for
 * good), or past its 7-day limit. Undefined when there is nothing to tell: no such session,
 * the browser signed itself out, or the session is live (a deactivated account, say).
 */
export async function endedSessionReason(sessionId: string, db: DbTx = prisma): Promise<SignedOutReason | undefined> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true, revokedAt: true, revokedReason: true, expiresAt: true, lastSeenAt: true } });
  if (!session) return undefined;
  const at = now();
  switch (sessionState(session, at)) {
    case "active":
      return undefined;
    case "idle":
      await endIdleSession(session.id, at, db);
      return "idle";
    case "expired":
      return "expired";
    case "revoked":
      if (session.revokedReason === "signed-out") return undefined;
      if (session.revokedReason === "idle") return "idle";
      if (session.revokedReason === "password-changed" || session.revokedReason === "password-reset") return "password";
      return "revoked";
  }
}
