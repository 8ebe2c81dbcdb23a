import "server-only";
import { AppError } from "@/lib/core/errors";
import { signAccessToken } from "@/lib/core/access-token";
import { now } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import { endIdleSession, sessionState } from "@/lib/services/sessions/create-session";

/**
 * A new 15-minute access token for a refresh token. The refresh token itself stays valid
 * until its session expires or is revoked (docs/contracts/README.md "Sessions and tokens": 004's client keeps the one it got).
 */
export async function refreshSession(options: { refreshToken: string }, db: DbTx = prisma): Promise<{ accessToken: string; sessionId: string }> {
  const session = await db.session.findUnique({
    where: { refreshTokenHash: sha256Hex(options.refreshToken) },
    include: { user: { select: { active: true } } },
  });
  const at = now();
  const state = session ? sessionState(session, at) : "revoked";
  if (session && state === "idle") await endIdleSession(session.id, at, db);
  if (!session || session.kind !== "API" || state !== "active" || !session.user.active) throw new AppError("INVALID_REFRESH_TOKEN");
  await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: at } });
  const accessToken = await signAccessToken({ userId: session.userId, sessionId: session.id, scopes: session.scopes });
  return { accessToken, sessionId: session.id };
}
