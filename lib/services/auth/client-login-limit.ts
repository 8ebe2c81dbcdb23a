import "server-only";
import { addressPrefix, isLocalRun, isLoopbackAddress, type ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/**
 * Failed password sign-ins allowed per client, besides the per-account lockout: one client
 * trying one password on many accounts (spraying) never trips a lockout, so it is limited
 * by its address, and in total by its network, so that rotating addresses inside one /24
 * (IPv4) or /64 (IPv6) does not escape.
 */
export const CLIENT_LOGIN_LIMITS = {
  perAddress: { limit: 20, windowMs: 15 * 60 * 1000 },
  perPrefix: { limit: 100, windowMs: 15 * 60 * 1000 },
};

export type ClientLoginReservation = {
  /** The attempt succeeded (the password was right): it does not count as a failure. */
  release(): Promise<void>;
};

const NOTHING_RESERVED: ClientLoginReservation = { release: async () => {} };

/** The counters an address feeds, or none when the address cannot tell clients apart. */
function keysFor(ipAddress: string | null): { key: string; limit: number; windowMs: number }[] {
  // Unknown: no trusted proxy and nothing parsed. Sharing one bucket would let any one
  // client lock everybody out; such attempts stay limited by the per-account lockout only.
  if (!ipAddress) return [];
  // Loopback is a developer or a test runner only when the portal runs locally (see isLocalRun).
  if (isLoopbackAddress(ipAddress) && isLocalRun()) return [];
  return [
    { key: `login-failure:ip:${ipAddress}`, ...CLIENT_LOGIN_LIMITS.perAddress },
    { key: `login-failure:net:${addressPrefix(ipAddress)}`, ...CLIENT_LOGIN_LIMITS.perPrefix },
  ];
}

/** Takes back one hit of the current window (a window that has since ended is left alone). */
async function giveBack(key: string, db: DbTx): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "resetAt" > ${now()} AND "count" > 0`;
}

/**
 * Reserves one failure for the client before its password is compared, as one atomic
 * increment per counter, so that no number of simultaneous attempts gets past the limit.
 * Throws TOO_MANY_REQUESTS (429 with Retry-After) when a counter is full, whatever the
 * password (a right password must not be told apart from a wrong one once limited). The
 * caller releases the reservation when the password turns out right.
 */
export async function reserveClientLoginAttempt(client: ClientInfo, db: DbTx = prisma): Promise<ClientLoginReservation> {
  const checks = keysFor(client.ipAddress);
  if (checks.length === 0) return NOTHING_RESERVED;
  const taken: string[] = [];
  let retryAfterSeconds = 0;
  for (const check of checks) {
    const result = await consumeRateLimit(check, db);
    taken.push(check.key);
    if (!result.allowed) {
      retryAfterSeconds = result.retryAfterSeconds;
      break;
    }
  }
  if (retryAfterSeconds > 0) {
    // A refused attempt is no failure: it was never compared.
    for (const key of taken) await giveBack(key, db);
    throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(retryAfterSeconds) } });
  }
  return {
    release: async () => {
      for (const key of taken) await giveBack(key, db);
    },
  };
}
