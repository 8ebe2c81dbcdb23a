import { AppError } from "@/lib/api/errors";
import { now } from "@/lib/clock";
import { prisma, type DbTx } from "@/lib/db/client";

/**
 * Wrong codes typed in the settings (confirm, disable, regenerate) by a signed-in caller:
 * five per account in 15 minutes, then 429, so a stolen access token cannot brute-force
 * the 10^6 TOTP codes. Sign-in codes count toward the login lockout instead.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => `2fa-code:${userId}`;

export async function assertCodeAttemptsLeft(userId: string, db: DbTx = prisma): Promise<void> {
  const row = await db.rateLimit.findUnique({ where: { key: keyOf(userId) } });
  const at = now();
  if (row && row.resetAt.getTime() > at.getTime() && row.count >= MAX_FAILURES) {
    const seconds = Math.max(1, Math.ceil((row.resetAt.getTime() - at.getTime()) / 1000));
    throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(seconds) } });
  }
}

/**
 * Counts one failure with conditional updates only, so concurrent failures all count and
 * an expired window starts over; the insert of a first failure may race, and the loser
 * then increments.
 */
export async function recordFailedCodeAttempt(userId: string, db: DbTx = prisma): Promise<void> {
  const key = keyOf(userId);
  const at = now();
  const resetAt = new Date(at.getTime() + WINDOW_MS);
  const restarted = await db.rateLimit.updateMany({ where: { key, resetAt: { lte: at } }, data: { count: 1, resetAt } });
  if (restarted.count === 1) return;
  const counted = await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  if (counted.count === 1) return;
  try {
    await db.rateLimit.create({ data: { key, count: 1, resetAt } });
  } catch {
    await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  }
}

/** A correct code clears the count. */
export async function clearCodeAttempts(userId: string, db: DbTx = prisma): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyOf(userId) } });
}
