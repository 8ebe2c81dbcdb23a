import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db, type DbTx } from "@/lib/db/client";
import { tryReserveAttempt, type AttemptFactor, type AttemptReservation } from "@/lib/services/auth/attempt-budget";

/** Five failures for one account within 15 minutes lock it for the rest of the window (docs/contracts/README.md "Sessions and tokens"). */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Attempts recorded as failures that must not feed the counter: one refused because the
 * account was already locked (counting it would let an attacker extend the lock forever),
 * and those where the password was right (waiting for the second factor, account disabled
 * or not yet verified).
 */
const NOT_COUNTED = ["LOCKED", "TWO_FACTOR_PENDING", "ACCOUNT_DISABLED", "EMAIL_NOT_VERIFIED"];

export type LoginAttempt = {
  email: string;
  userId: string | null;
  success: boolean;
  /** Why it failed: INVALID_CREDENTIALS, INVALID_2FA_CODE, LOCKED, EMAIL_NOT_VERIFIED... */
  reason?: string | null;
  /** "password", "password+totp", "google"... */
  method: string;
  client: ClientInfo;
};

/** Writes one LoginEvent: the login history and the lockout counter both read them. */
export async function recordLoginAttempt(attempt: LoginAttempt, db: DbTx = prisma): Promise<{ id: string }> {
  return db.loginEvent.create({
    select: { id: true },
    data: {
      email: attempt.email.trim().toLowerCase(),
      userId: attempt.userId,
      success: attempt.success,
      reason: attempt.success ? null : (attempt.reason ?? null),
      method: attempt.method,
      ipAddress: attempt.client.ipAddress,
      userAgent: attempt.client.userAgent,
      deviceLabel: attempt.client.deviceLabel,
      location: attempt.client.location,
      createdAt: now(),
    },
  });
}

/**
 * Seconds until the account may try again, or 0 when it is not locked. Failures count
 * since the start of the window or the last successful sign-in, whichever is later; the
 * lock ends when the fifth most recent of them leaves the window.
 */
export async function lockoutRemainingSeconds(email: string, db: DbTx = prisma, options: { excludeEventId?: string } = {}): Promise<number> {
  const normalized = email.trim().toLowerCase();
  const at = now();
  const windowStart = new Date(at.getTime() - LOCKOUT_WINDOW_MS);
  const lastSuccess = await db.loginEvent.findFirst({
    where: { email: normalized, success: true, createdAt: { gt: windowStart, lte: at } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const failures = await db.loginEvent.findMany({
    where: {
      email: normalized,
      success: false,
      createdAt: { gt: since, lte: at },
      OR: [{ reason: null }, { reason: { notIn: NOT_COUNTED } }],
      ...(options.excludeEventId ? { id: { not: options.excludeEventId } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: LOCKOUT_MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < LOCKOUT_MAX_FAILURES) return 0;
  const unlocksAt = failures[LOCKOUT_MAX_FAILURES - 1]!.createdAt.getTime() + LOCKOUT_WINDOW_MS;
  return Math.max(1, Math.ceil((unlocksAt - at.getTime()) / 1000));
}

/**
 * Opens a sign-in attempt: under a per-account advisory lock, checks the lockout and writes
 * the attempt as a failure, to be settled by the caller once the password is judged. The
 * lock makes check-and-write atomic, so of N simultaneous guesses exactly the allowance
 * is let through (check-then-write would let all N in). A locked attempt is recorded as
 * LOCKED and refused with 429 and Retry-After.
 *
 * For a known account it also reserves one attempt of the account's budget, the one every
 * other check of a password or a code spends too (attempt-budget.ts): failures at deletion,
 * re-authentication or a password change lock the sign-in as well. The caller gives the
 * reservation back when the secret was right.
 */
export async function beginLoginAttempt(
  attempt: Omit<LoginAttempt, "success" | "reason">,
  db: Db = prisma,
  options: { factor?: AttemptFactor } = {},
): Promise<{ eventId: string; reservation: AttemptReservation | null }> {
  const email = attempt.email.trim().toLowerCase();
  const outcome = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`login:${email}`}))) AS l`;
    const lockedFor = await lockoutRemainingSeconds(email, tx);
    const budget = lockedFor > 0 ? null : await tryReserveAttempt({ userId: attempt.userId, factor: options.factor ?? "password" }, tx);
    const seconds = lockedFor > 0 ? lockedFor : budget && !budget.ok ? budget.retryAfterSeconds : 0;
    const event = await recordLoginAttempt({ ...attempt, email, success: false, reason: seconds > 0 ? "LOCKED" : "INVALID_CREDENTIALS" }, tx);
    return { eventId: event.id, seconds, reservation: budget?.ok ? budget.reservation : null };
  });
  if (outcome.seconds > 0) throw new AppError("ACCOUNT_LOCKED", { headers: { "Retry-After": String(outcome.seconds) } });
  return { eventId: outcome.eventId, reservation: outcome.reservation };
}

/** Records how an attempt opened by beginLoginAttempt ended. */
export async function settleLoginAttempt(eventId: string, outcome: { success: boolean; reason?: string | null; userId?: string }, db: DbTx = prisma): Promise<void> {
  await db.loginEvent.update({
    where: { id: eventId },
    data: { success: outcome.success, reason: outcome.success ? null : (outcome.reason ?? null), ...(outcome.userId ? { userId: outcome.userId } : {}) },
  });
}
