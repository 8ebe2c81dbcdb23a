import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken } from "@/lib/services/verification/one-time-token";

/** Why sessions ended when the old address cancelled a change (read by the "signed out elsewhere" notice). */
export const EMAIL_CHANGE_CANCELLED_REASON = "email-change-cancelled";

/**
 * Kills the pending email change of a user: its confirmation link and the cancel link sent
 * to the old address. Answers whether a change was actually pending (a live confirmation
 * link), so callers can say so. Runs inside the caller's transaction.
 */
export async function cancelPendingEmailChange(options: { userId: string; at: Date }, tx: DbTx): Promise<boolean> {
  const { count } = await tx.verification.updateMany({
    where: { userId: options.userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: options.at } },
    data: { usedAt: options.at },
  });
  // Expired rows and the cancel links die too, so nothing about the old request stays usable.
  await tx.verification.updateMany({
    where: { userId: options.userId, purpose: { in: ["EMAIL_CHANGE", "EMAIL_CHANGE_CANCEL"] }, usedAt: null },
    data: { usedAt: options.at },
  });
  return count > 0;
}

/** The address waiting for confirmation, if any (the profile page shows it with a cancel button). */
export async function findPendingEmailChange(userId: string, db: DbTx = prisma): Promise<{ email: string; expiresAt: Date } | null> {
  const row = await db.verification.findFirst({
    where: { userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now() } },
    orderBy: { createdAt: "desc" },
    select: { target: true, expiresAt: true },
  });
  return row?.target ? { email: row.target, expiresAt: row.expiresAt } : null;
}

/** The signed-in owner's "Cancel" on the profile page. Answers whether something was pending. */
export async function cancelEmailChange(options: { userId: string; client?: ClientInfo }, db: Db = prisma): Promise<boolean> {
  const at = now();
  return db.$transaction(async (tx) => {
    const cancelled = await cancelPendingEmailChange({ userId: options.userId, at }, tx);
    if (cancelled) await recordAuditEvent({ userId: options.userId, type: "EMAIL_CHANGE_CANCELLED", client: options.client, metadata: { by: "owner" } }, tx);
    return cancelled;
  });
}

/**
 * The link in the notice sent to the old address: whoever holds that inbox cancels the
 * change and, since someone else may know the password, every session of the account ends
 * (the person clicking is not signed in, so none is kept). The next step is a password
 * reset, which also ends tokens and app grants. The link works once, even under concurrent
 * clicks (conditional update), and INVALID_OR_EXPIRED_TOKEN otherwise.
 */
export async function cancelEmailChangeFromNotice(
  options: { token: string; client?: ClientInfo },
  db: Db = prisma,
): Promise<{ email: string; sessionsEnded: number }> {
  const at = now();
  return db.$transaction(async (tx) => {
    const row = await consumeOneTimeToken("EMAIL_CHANGE_CANCEL", options.token, tx);
    const user = row?.userId ? await tx.user.findUnique({ where: { id: row.userId }, select: { id: true, email: true } }) : null;
    if (!row || !user) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
    await cancelPendingEmailChange({ userId: user.id, at }, tx);
    const { count } = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: at, revokedReason: EMAIL_CHANGE_CANCELLED_REASON },
    });
    await recordAuditEvent({ userId: user.id, type: "EMAIL_CHANGE_CANCELLED", client: options.client, metadata: { by: "old-address" } }, tx);
    await recordAuditEvent({ userId: user.id, type: "ACCOUNT_SECURED", client: options.client, metadata: { sessionsEnded: count } }, tx);
    return { email: user.email, sessionsEnded: count };
  });
}
