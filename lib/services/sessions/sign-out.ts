import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { now } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Ends a session: the row is revoked, which voids its refresh token, its access tokens and
 * the Auth.js cookie that names it. Signing out twice is harmless.
 */
export async function signOut(options: { sessionId: string; client?: ClientInfo }, db: DbTx = prisma): Promise<void> {
  const at = now();
  const session = await db.session.findUnique({ where: { id: options.sessionId }, select: { userId: true, revokedAt: true } });
  if (!session || session.revokedAt) return;
  await db.session.updateMany({ where: { id: options.sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: "signed-out" } });
  await recordAuditEvent({ userId: session.userId, type: "LOGGED_OUT", client: options.client, metadata: { sessionId: options.sessionId } }, db);
}

/**
 * The session a refresh token belongs to, or null. Holding the refresh token is what lets
 * an API client whose access token has expired still sign out (token revocation, RFC 7009).
 */
export async function sessionIdOfRefreshToken(refreshToken: string, db: DbTx = prisma): Promise<{ sessionId: string; userId: string } | null> {
  const session = await db.session.findUnique({ where: { refreshTokenHash: sha256Hex(refreshToken) }, select: { id: true, userId: true } });
  return session ? { sessionId: session.id, userId: session.userId } : null;
}
