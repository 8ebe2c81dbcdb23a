import { AppError } from "@/lib/api/errors";
import { prisma, type DbTx } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/**
 * Codes typed in the settings (confirm set-up, disable, regenerate) by a signed-in caller:
 * five tries per account in 15 minutes, then 429, so a stolen access token cannot
 * brute-force the 10^6 TOTP codes. Sign-in codes count toward the login lockout instead.
 */
const MAX_TRIES = 5;
const WINDOW_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => `2fa-code:${userId}`;

/**
 * Takes one try before the code is judged: an atomic counter, so parallel guesses get no
 * more tries than sequential ones. A right code then gives the tries back (clearCodeAttempts).
 */
export async function takeCodeAttempt(userId: string, db: DbTx = prisma): Promise<void> {
  const result = await consumeRateLimit({ key: keyOf(userId), limit: MAX_TRIES, windowMs: WINDOW_MS }, db);
  if (!result.allowed) throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(result.retryAfterSeconds) } });
}

export async function clearCodeAttempts(userId: string, db: DbTx = prisma): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyOf(userId) } });
}
