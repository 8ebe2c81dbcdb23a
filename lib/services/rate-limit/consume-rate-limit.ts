import "server-only";
import { isLocalRun, isLoopbackAddress } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; resetAt: Date; retryAfterSeconds: number };

/**
 * One hit on a fixed-window counter in the RateLimit table. A single
 * `INSERT ... ON CONFLICT DO UPDATE` both opens a new window and counts in the current one,
 * so parallel requests on any number of serverless instances never lose a hit.
 */
export async function consumeRateLimit(options: { key: string; limit: number; windowMs: number }, db: DbTx = prisma): Promise<RateLimitResult> {
  const at = now();
  const nextReset = new Date(at.getTime() + options.windowMs);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${options.key}, 1, ${nextReset})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${at} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${at} THEN ${nextReset} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  const resetAt = new Date(row.resetAt);
  const count = Number(row.count);
  return {
    allowed: count <= options.limit,
    count,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - at.getTime()) / 1000)),
  };
}

/** The limits of the endpoints that send email: generous for people, tight for scripts. */
export const EMAIL_SEND_LIMITS = {
  perIp: { limit: 30, windowMs: 15 * 60 * 1000 },
  perEmail: { limit: 10, windowMs: 60 * 60 * 1000 },
};

/**
 * Loopback is this machine: on a local run (APP_URL on localhost) a developer or an e2e
 * suite, which limiting by IP would put in one bucket. On a deployment with a public URL it
 * is more likely a proxy that does not forward the client's address (TRUSTED_PROXY_HOPS
 * unset), standing for every client: exempting it would switch the per-IP limit off.
 */
function isExemptAddress(ip: string): boolean {
  return isLoopbackAddress(ip) && isLocalRun();
}

/**
 * Throws TOO_MANY_REQUESTS (429 with Retry-After) once the caller's IP or the target
 * address has used up its window for `action`. An unknown IP, or loopback on a local run,
 * is limited by address only (see isExemptAddress).
 */
export async function enforceEmailRateLimit(
  options: { action: string; ipAddress: string | null; email?: string | null },
  db: DbTx = prisma,
): Promise<void> {
  const checks: { key: string; limit: number; windowMs: number }[] = [];
  if (options.ipAddress && !isExemptAddress(options.ipAddress)) checks.push({ key: `${options.action}:ip:${options.ipAddress}`, ...EMAIL_SEND_LIMITS.perIp });
  if (options.email) checks.push({ key: `${options.action}:email:${options.email.trim().toLowerCase()}`, ...EMAIL_SEND_LIMITS.perEmail });
  for (const check of checks) {
    const result = await consumeRateLimit(check, db);
    if (!result.allowed) {
      throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(result.retryAfterSeconds) } });
    }
  }
}
