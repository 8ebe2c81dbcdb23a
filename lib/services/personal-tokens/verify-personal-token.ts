import "server-only";
import { now } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";

/** Every personal access token starts with this, so a caller can tell it from a JWT or an opaque OAuth token. */
export const PERSONAL_TOKEN_PREFIX = "pat_";

/** `lastUsedAt` is written at most once a minute per token: reads do not turn into a write each. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The owner and scopes of a personal access token, or null when the token is unknown,
 * revoked, expired, or its owner is deactivated. The token is looked up by its sha256
 * through the unique index (the database holds no usable token, and the lookup by hash
 * is not a comparison an attacker can time).
 */
export async function verifyPersonalAccessToken(token: string): Promise<{ user: User; scopes: string[]; tokenId: string } | null> {
  if (!token.startsWith(PERSONAL_TOKEN_PREFIX) || token.length > 200) return null;
  const record = await prisma.personalAccessToken.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  if (!record) return null;
  const at = now();
  if (record.revokedAt) return null;
  if (record.expiresAt && record.expiresAt.getTime() <= at.getTime()) return null;
  if (!record.user.active) return null;

  if (!record.lastUsedAt || at.getTime() - record.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.personalAccessToken.updateMany({ where: { id: record.id, revokedAt: null }, data: { lastUsedAt: at } });
  }
  return { user: record.user, scopes: record.scopes, tokenId: record.id };
}
