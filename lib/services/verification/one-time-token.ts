import "server-only";
import { now } from "@/lib/core/clock";
import { randomToken, sha256Hex } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Prisma, Verification, VerificationPurpose } from "@/lib/generated/prisma/client";

/**
 * Every emailed or typed one-time token goes through here: 64 random hex characters handed
 * to the user once, only their sha256 stored in the Verification table.
 */
export async function issueOneTimeToken(
  options: {
    purpose: VerificationPurpose;
    userId: string | null;
    ttlMs: number;
    target?: string | null;
    payload?: Prisma.InputJsonValue;
    /** Void the user's earlier unused tokens of this purpose (a new link replaces the old). */
    replacePrevious?: boolean;
  },
  db: DbTx = prisma,
): Promise<{ token: string; verification: Verification }> {
  const at = now();
  if (options.replacePrevious && options.userId) {
    await db.verification.updateMany({
      where: { userId: options.userId, purpose: options.purpose, usedAt: null },
      data: { usedAt: at },
    });
  }
  const token = randomToken(32);
  const verification = await db.verification.create({
    data: {
      purpose: options.purpose,
      userId: options.userId,
      tokenHash: sha256Hex(token),
      target: options.target ?? null,
      payload: options.payload,
      expiresAt: new Date(at.getTime() + options.ttlMs),
      createdAt: at,
    },
  });
  return { token, verification };
}

/** The unused, unexpired token of that purpose, without consuming it (to check a link). */
export async function findLiveToken(purpose: VerificationPurpose, token: string, db: DbTx = prisma): Promise<Verification | null> {
  if (!/^[0-9a-f]{64}$/i.test(token)) return null;
  const row = await db.verification.findUnique({ where: { tokenHash: sha256Hex(token.toLowerCase()) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now().getTime()) return null;
  return row;
}

/**
 * Consumes the token exactly once, even under concurrent requests: the conditional
 * `UPDATE ... WHERE usedAt IS NULL` lets one request win; the others see no row.
 */
export async function consumeOneTimeToken(purpose: VerificationPurpose, token: string, db: DbTx = prisma): Promise<Verification | null> {
  if (!/^[0-9a-f]{64}$/i.test(token)) return null;
  const tokenHash = sha256Hex(token.toLowerCase());
  const at = now();
  const { count } = await db.verification.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
  });
  if (count !== 1) return null;
  return db.verification.findUnique({ where: { tokenHash } });
}
