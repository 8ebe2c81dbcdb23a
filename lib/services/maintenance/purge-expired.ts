import "server-only";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";

export type PurgeCounts = { verifications: number; authjsTokens: number; rateLimits: number; oidcRecords: number };

/**
 * Deletes rows that can no longer mean anything: one-time codes and tokens past their expiry
 * (a used one is refused by `usedAt` only until then; after it, by its expiry), rate-limit
 * windows that have ended (the next hit would start a new window anyway) and oidc-provider
 * records past their expiry. Each table is one indexed DELETE of its own: they are
 * independent, and one transaction would only hold every lock for longer.
 *
 * Nothing a user sees goes: sessions, login history and audit events stay.
 */
export async function purgeExpired(options: { at?: Date } = {}, db: DbTx = prisma): Promise<PurgeCounts> {
  const at = options.at ?? now();
  const verifications = await db.verification.deleteMany({ where: { expiresAt: { lt: at } } });
  const authjsTokens = await db.verificationToken.deleteMany({ where: { expires: { lt: at } } });
  const rateLimits = await db.rateLimit.deleteMany({ where: { resetAt: { lte: at } } });
  const oidcRecords = await db.oidcPayload.deleteMany({ where: { expiresAt: { lt: at } } });
  return { verifications: verifications.count, authjsTokens: authjsTokens.count, rateLimits: rateLimits.count, oidcRecords: oidcRecords.count };
}
