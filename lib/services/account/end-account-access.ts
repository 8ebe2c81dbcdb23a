import "server-only";
import type { DbTx } from "@/lib/db/client";
import { GRANT_BOUND_TYPES, GRANT_TYPE } from "@/lib/db/oidc-payload";
import { cancelPendingEmailChange } from "@/lib/services/profile/cancel-email-change";

/** What a recovery ended, counted for the confirmation email and the audit log. */
export type EndedAccess = {
  sessions: number;
  personalTokens: number;
  authorizedApps: number;
  emailChangeCancelled: boolean;
};

/** `Session.revokedReason` values this module writes. */
export type AccessEndReason = "password-reset" | "password-changed";

/**
 * Ends whoever else holds a key to the account: every live session but `keepSessionId`
 * (their refresh tokens live on the session rows, so they die with them), the pending email
 * change, and with `tokensAndApps` every personal access token and every OAuth grant with
 * the codes and tokens issued under it. Runs inside the caller's transaction so a password
 * is never changed without the eviction.
 */
export async function endAccountAccess(
  options: { userId: string; at: Date; keepSessionId?: string; reason: AccessEndReason; tokensAndApps: boolean },
  tx: DbTx,
): Promise<EndedAccess> {
  const { userId, at } = options;
  const otherSessions = { userId, revokedAt: null, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) };
  // Counted before revoking: sessions that had already expired are closed too but not reported.
  const liveSessions = await tx.session.count({ where: { ...otherSessions, expiresAt: { gt: at } } });
  await tx.session.updateMany({ where: otherSessions, data: { revokedAt: at, revokedReason: options.reason } });
  const emailChangeCancelled = await cancelPendingEmailChange({ userId, at }, tx);
  if (!options.tokensAndApps) return { sessions: liveSessions, personalTokens: 0, authorizedApps: 0, emailChangeCancelled };

  const { count: personalTokens } = await tx.personalAccessToken.updateMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
    data: { revokedAt: at },
  });
  await tx.personalAccessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });

  const grants = await tx.oidcPayload.findMany({ where: { type: GRANT_TYPE, accountId: userId }, select: { grantId: true, clientId: true } });
  const grantIds = grants.map((grant) => grant.grantId).filter((id): id is string => id !== null);
  // As revokeAuthorizedApp does per app: the grant and everything issued under it, so the
  // app's access and refresh tokens are refused on their very next use.
  await tx.oidcPayload.deleteMany({ where: { type: { in: [...GRANT_BOUND_TYPES] }, OR: [{ grantId: { in: grantIds } }, { accountId: userId }] } });
  const authorizedApps = new Set(grants.map((grant) => grant.clientId).filter(Boolean)).size;
  return { sessions: liveSessions, personalTokens, authorizedApps, emailChangeCancelled };
}
