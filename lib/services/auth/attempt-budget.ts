import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * One budget per account for every check of a secret: the sign-in password and 2FA step,
 * the current password of a password change, the password of a deletion, re-authentication,
 * and the codes typed in the 2FA settings. Five failures within 15 minutes (docs/contracts/README.md "Sessions and tokens"), all
 * checks together: a thief holding a stolen access token gets five guesses in all, not five
 * per route.
 *
 * Each check reserves its attempt before comparing, in one `INSERT ... ON CONFLICT DO
 * UPDATE` on the account's row: concurrent checks queue on that row lock, so no burst admits
 * more than the allowance (a check-then-count lets every request in flight through). The
 * window slides: a failure stops counting 15 minutes after it happened.
 *
 * A wrong proof keeps its reservation: that is the failure. A right one gives it back
 * (releaseAttempt) and forgives the earlier failures of the same factor, because whoever
 * just proved a secret was not guessing it; never those of the other factor, or a thief who
 * knows the password could reset the count between guesses of the TOTP code (and the other
 * way round). A complete sign-in, which proves every factor the account has, ends every
 * failure up to its own attempt (clearAttempts), as the login lockout always counted only the
 * failures after the last successful sign-in.
 */
export const ATTEMPT_LIMIT = 5;
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

/** The secret a check is about: the password, or a TOTP, backup or set-up code. */
export type AttemptFactor = "password" | "code";

export type AttemptReservation = { id: string; userId: string; factor: AttemptFactor; at: number };

type Entry = { id: string; at: number; factor: AttemptFactor };

export type ReserveOutcome = { ok: true; reservation: AttemptReservation | null } | { ok: false; retryAfterSeconds: number };

/**
 * The reservation's one statement. An account deleted meanwhile (a concurrent deletion that
 * committed after the caller read the user) fails its foreign key: that is USER_NOT_FOUND,
 * not a 500.
 */
async function reserveStatement(db: DbTx, userId: string, appended: string, at: Date, windowStart: number) {
  try {
    return await db.$queryRaw<{ attempts: unknown }[]>`
    INSERT INTO "AttemptBudget" AS b ("userId", "attempts", "updatedAt") VALUES (${userId}, ${appended}::jsonb, ${at})
    ON CONFLICT ("userId") DO UPDATE SET
      "attempts" = (
        SELECT CASE WHEN jsonb_array_length(live.v) < ${ATTEMPT_LIMIT}::int THEN live.v || ${appended}::jsonb ELSE live.v END
        FROM (
          SELECT COALESCE(jsonb_agg(e ORDER BY (e->>'at')::bigint), '[]'::jsonb) AS v
          FROM jsonb_array_elements(b."attempts") AS e
          WHERE (e->>'at')::bigint > GREATEST(${windowStart}::bigint, COALESCE(b."clearedThrough", 0))
        ) AS live
      ),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "attempts"`;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("USER_NOT_FOUND");
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2003") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return cause?.kind === "ForeignKeyConstraintViolation";
}

/**
 * Reserves one attempt for the account, or says how long until one is free. `userId: null`
 * (a sign-in for an unknown address) reserves nothing but costs the same round trip, so the
 * time does not tell whether the account exists. Runs as one statement: safe inside or
 * outside a transaction.
 */
export async function tryReserveAttempt(options: { userId: string | null; factor: AttemptFactor }, db: DbTx = prisma): Promise<ReserveOutcome> {
  const at = now();
  const entry: Entry = { id: randomUUID(), at: at.getTime(), factor: options.factor };
  const windowStart = at.getTime() - ATTEMPT_WINDOW_MS;
  if (options.userId === null) {
    await db.$queryRaw`SELECT "attempts" FROM "AttemptBudget" WHERE "userId" = ${""}`;
    return { ok: true, reservation: null };
  }
  const appended = JSON.stringify([entry]);
  const rows = await reserveStatement(db, options.userId, appended, at, windowStart);
  const live = readEntries(rows[0]?.attempts);
  if (live.some((e) => e.id === entry.id)) return { ok: true, reservation: { ...entry, userId: options.userId } };
  // Full: a slot frees when the oldest of the last ATTEMPT_LIMIT failures leaves the window.
  const blocking = live[Math.max(0, live.length - ATTEMPT_LIMIT)];
  const freesAt = (blocking?.at ?? entry.at) + ATTEMPT_WINDOW_MS;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - entry.at) / 1000)) };
}

/** Reserves one attempt or throws TOO_MANY_REQUESTS (429 with Retry-After). */
export async function reserveAttempt(options: { userId: string; factor: AttemptFactor }, db: DbTx = prisma): Promise<AttemptReservation> {
  const outcome = await tryReserveAttempt(options, db);
  if (!outcome.ok) throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
  return outcome.reservation!;
}

/**
 * After a right proof: gives the reservation back and, unless `forgive` is false, forgives
 * the earlier failures of the same factor (see the module's comment). `forgive: false` is
 * for a code that proves no existing factor (confirming a new 2FA set-up).
 */
export async function releaseAttempt(reservation: AttemptReservation | null, db: DbTx = prisma, options: { forgive?: boolean } = {}): Promise<void> {
  if (!reservation) return;
  const forgiven =
    options.forgive === false ? Prisma.empty : Prisma.sql`AND NOT (e->>'factor' = ${reservation.factor} AND (e->>'at')::bigint <= ${reservation.at}::bigint)`;
  await db.$executeRaw`
    UPDATE "AttemptBudget" SET
      "attempts" = COALESCE((
        SELECT jsonb_agg(e ORDER BY (e->>'at')::bigint) FROM jsonb_array_elements("attempts") AS e
        WHERE e->>'id' <> ${reservation.id} ${forgiven}
      ), '[]'::jsonb),
      "updatedAt" = ${now()}
    WHERE "userId" = ${reservation.userId}`;
}

/**
 * A complete sign-in proved every factor the account has: no failure up to its attempt counts
 * any more. Dated by the attempt (not the commit), like the login lockout's "since the last
 * successful sign-in", so both agree on which concurrent failures still count.
 */
export async function clearAttempts(reservation: AttemptReservation | null, db: DbTx = prisma): Promise<void> {
  if (!reservation) return;
  await db.$executeRaw`
    UPDATE "AttemptBudget" SET
      "attempts" = COALESCE((
        SELECT jsonb_agg(e ORDER BY (e->>'at')::bigint) FROM jsonb_array_elements("attempts") AS e
        WHERE (e->>'at')::bigint > ${reservation.at}::bigint
      ), '[]'::jsonb),
      "clearedThrough" = GREATEST(COALESCE("clearedThrough", 0), ${reservation.at}::bigint),
      "updatedAt" = ${now()}
    WHERE "userId" = ${reservation.userId}`;
}

function readEntries(value: unknown): Entry[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((e): e is Entry => typeof e === "object" && e !== null && typeof (e as Entry).id === "string" && typeof (e as Entry).at === "number")
    .sort((a, b) => a.at - b.at);
}
