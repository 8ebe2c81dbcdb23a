import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Revokes one of the user's live sessions: its refresh token and access tokens stop at
 * once. Someone else's session, or one already over, is 404 alike, so ids cannot be probed.
 */
export async function revokeSession(options: { userId: string; sessionId: string; client?: ClientInfo }, db: DbTx = prisma): Promise<void> {
  // Session ids are cuids: anything else (a NUL byte, which PostgreSQL refuses outright,
  // a path, a 10 kB string) names no session, and never reaches the database.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.sessionId)) throw new AppError("SESSION_NOT_FOUND");
  const at = now();
  const { count } = await db.session.updateMany({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null, expiresAt: { gt: at } },
    // Its browser, on its next page, is told it was signed out from another device.
    data: { revokedAt: at, revokedReason: "revoked-elsewhere" },
  });
  if (count === 0) throw new AppError("SESSION_NOT_FOUND");
  await recordAuditEvent({ userId: options.userId, type: "SESSION_REVOKED", client: options.client, metadata: { sessionId: options.sessionId } }, db);
}
