import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { signAccessToken } from "@/lib/core/access-token";
import { FIRST_PARTY_SCOPES } from "@/lib/core/scopes";
import { now } from "@/lib/core/clock";
import { randomToken, sha256Hex } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import type { Session } from "@/lib/generated/prisma/client";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type IssuedTokens = { accessToken: string; refreshToken: string };

/**
 * Opens a session row for a sign-in (docs/contracts/README.md "Sessions and tokens"). API sessions also get an opaque refresh
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

/** How long a session may go unused (SESSION_IDLE_TIMEOUT_HOURS, 24 h by default). */
export function sessionIdleTimeoutMs(): number {
  return env().SESSION_IDLE_TIMEOUT_HOURS * 60 * 60 * 1000;
}

export type SessionState = "active" | "revoked" | "expired" | "idle";

type Liveness = Pick<Session, "revokedAt" | "expiresAt" | "lastSeenAt">;

/**
 * Where a session stands: revoked, past its absolute limit (7 days), idle (unused for longer
 * than the idle limit: `lastSeenAt` is refreshed by every authenticated request, at most
 * once a minute), else active. The browser cookie, API access tokens and refresh tokens all
 * go through this.
 */
export function sessionState(session: Liveness, at: Date = now()): SessionState {
  if (session.revokedAt !== null) return "revoked";
  if (session.expiresAt.getTime() <= at.getTime()) return "expired";
  if (at.getTime() - session.lastSeenAt.getTime() > sessionIdleTimeoutMs()) return "idle";
  return "active";
}

/** A session can be used while it is neither revoked, expired nor idle. */
export function isSessionActive(session: Liveness, at: Date = now()): boolean {
  return sessionState(session, at) === "active";
}

/** The database condition for sessions that are still active at `at` (same rule as sessionState). */
export function activeSessionWhere(at: Date) {
  return { revokedAt: null, expiresAt: { gt: at }, lastSeenAt: { gte: new Date(at.getTime() - sessionIdleTimeoutMs()) } };
}

/**
 * Ends a session found idle, for good: raising the idle limit later must not revive it, and
 * its browser is told why on the login page. Only a still-unrevoked row is touched.
 */
export async function endIdleSession(sessionId: string, at: Date = now(), db: DbTx = prisma): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: "idle" } });
}
