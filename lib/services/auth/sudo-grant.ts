import "server-only";
import type { Session } from "@/lib/generated/prisma/client";
import { hasRecentAuthentication, lastAuthenticatedAt } from "@/lib/services/auth/recent-auth";
import { reauthRequired } from "@/lib/services/auth/refusals";

declare const sudoBrand: unique symbol;

/**
 * Proof, for this request, that its caller may make a sensitive change: first-party and
 * within the sudo window. Only `grantSudo` makes one (each is remembered here, so a
 * look-alike object is refused), which the credential policy calls for a first-party caller
 * (lib/auth/policy.ts: sudoGrant); services that make sensitive changes on otherwise
 * ordinary routes (the email change) require one.
 */
export type SudoGrant = { readonly userId: string; readonly sessionId: string; readonly authenticatedAt: Date; readonly [sudoBrand]: true };

const grants = new WeakSet<object>();

/** The grant of a session within its sudo window, else 403 REAUTH_REQUIRED. */
export function grantSudo(userId: string, session: Pick<Session, "id" | "createdAt" | "reauthenticatedAt">): SudoGrant {
  if (!hasRecentAuthentication(session)) throw reauthRequired();
  const grant = { userId, sessionId: session.id, authenticatedAt: lastAuthenticatedAt(session) } as SudoGrant;
  grants.add(grant);
  return Object.freeze(grant);
}

/** For services: the grant was made by grantSudo, for this user; else 403 REAUTH_REQUIRED. */
export function assertSudoGrant(grant: SudoGrant | undefined, userId: string): asserts grant is SudoGrant {
  if (!grant || !grants.has(grant) || grant.userId !== userId) throw reauthRequired();
}
