import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { cancelPendingEmailChange } from "@/lib/services/profile/cancel-email-change";

/**
 * Signs the user out everywhere but here (docs/contracts/README.md "Sessions and tokens"): every live session except the
 * caller's, and except `currentSessionId` when it names one of the user's own sessions,
 * is revoked. A pending email change is cancelled too: it may be an intruder's, and
 * signing the others out is what an owner does on suspecting one. Answers how many were.
 */
export async function revokeOtherSessions(
  options: { userId: string; keepSessionId: string; currentSessionId?: string; client?: ClientInfo },
  db: DbTx = prisma,
): Promise<{ revoked: number }> {
  const keep = [options.keepSessionId, ...(options.currentSessionId ? [options.currentSessionId] : [])];
  const at = now();
  const { count } = await db.session.updateMany({
    where: { userId: options.userId, revokedAt: null, id: { notIn: keep } },
    data: { revokedAt: at, revokedReason: "revoked-elsewhere" },
  });
  const emailChangeCancelled = await cancelPendingEmailChange({ userId: options.userId, at }, db);
  await recordAuditEvent(
    { userId: options.userId, type: "OTHER_SESSIONS_REVOKED", client: options.client, metadata: { revoked: count, emailChangeCancelled } },
    db,
  );
  return { revoked: count };
}
