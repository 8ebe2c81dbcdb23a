import type { ClientInfo } from "@/lib/api/client-info";
import { signAccessToken } from "@/lib/auth/access-token";
import { FIRST_PARTY_SCOPES } from "@/lib/auth/scopes";
import { now } from "@/lib/clock";
import { randomToken, sha256Hex } from "@/lib/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Session } from "@/lib/generated/prisma/client";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type IssuedTokens = { accessToken: string; refreshToken: string };

/**
 * Opens a session row for a sign-in (CONTRACT 5). API sessions also get an opaque refresh
 * token (only its hash is stored) and a first access token; browser sessions are carried by
 * the Auth.js cookie, which holds the session id.
 */
export async function createSession(
  options: { userId: string; kind: "API" | "BROWSER"; method: string; client: ClientInfo; scopes?: string[] },
  db: DbTx = prisma,
): Promise<{ session: Session; tokens: IssuedTokens | null }> {
  const at = now();
  const refreshToken = options.kind === "API" ? randomToken(32) : null;
  const session = await db.session.create({
    data: {
      userId: options.userId,
      kind: options.kind,
      method: options.method,
      refreshTokenHash: refreshToken ? sha256Hex(refreshToken) : null,
      scopes: options.scopes ?? FIRST_PARTY_SCOPES,
      ipAddress: options.client.ipAddress,
      userAgent: options.client.userAgent,
      deviceLabel: options.client.deviceLabel,
      location: options.client.location,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
    },
  });
  await db.user.update({ where: { id: options.userId }, data: { lastLoginAt: at } });
  if (!refreshToken) return { session, tokens: null };
  const accessToken = await signAccessToken({ userId: options.userId, sessionId: session.id, scopes: session.scopes });
  return { session, tokens: { accessToken, refreshToken } };
}

/** A session can be used while it is neither revoked nor expired. */
export function isSessionActive(session: Pick<Session, "revokedAt" | "expiresAt">, at: Date = now()): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > at.getTime();
}
