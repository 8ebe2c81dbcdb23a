import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { verifyPassword } from "@/lib/core/password";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { matchSecondFactor } from "@/lib/services/two-factor/verify-second-factor";
import type { ReauthProof } from "@/lib/validation/reauthenticate";

/**
 * Opens sudo mode on a session: the user proves who they are again, and the session's
 * `reauthenticatedAt` is set, so sensitive actions are allowed for the next 10 minutes
 * (lib/services/auth/recent-auth.ts). Wrong proofs answer 401 INVALID_PASSWORD or INVALID_2FA_CODE;
 * each check spends a try of the account's budget (attempt-budget.ts, shared with sign-in and
 * every other check), reserved before comparing: past five failures, 429 with Retry-After.
 */
export async function reauthenticate(
  options: { userId: string; sessionId: string; proof: ReauthProof; client?: ClientInfo },
  db: DbTx = prisma,
): Promise<{ reauthenticatedAt: Date }> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { id: true, passwordHash: true } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  const attempt = await reserveAttempt({ userId: user.id, factor: "password" in options.proof ? "password" : "code" }, db);
  if ("password" in options.proof) {
    if (!(await verifyPassword(options.proof.password, user.passwordHash))) throw new AppError("INVALID_PASSWORD");
  } else if (!(await matchSecondFactor({ userId: user.id, code: options.proof.code }, db))) {
    throw new AppError("INVALID_2FA_CODE");
  }
  await releaseAttempt(attempt, db);
  const at = now();
  const { count } = await db.session.updateMany({
    where: { id: options.sessionId, userId: user.id, revokedAt: null },
    data: { reauthenticatedAt: at },
  });
  if (count !== 1) throw new AppError("UNAUTHORIZED");
  await recordAuditEvent({ userId: user.id, type: "REAUTHENTICATED", client: options.client, metadata: { with: "password" in options.proof ? "password" : "code" } }, db);
  return { reauthenticatedAt: at };
}
