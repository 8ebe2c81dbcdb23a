import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import { consumeOneTimeToken, issueOneTimeToken } from "@/lib/services/verification/one-time-token";

/** A password that was right, waiting for the second factor: 5 minutes, one use. */
export const LOGIN_CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * The `tempToken` of an API login with 2FA on (docs/contracts/README.md "Two-factor authentication"). It is an opaque one-time token,
 * not a JWT, so it can never pass for an access token; it is good only for
 * `POST /api/auth/2fa/verify`, once, within 5 minutes.
 */
export async function createLoginChallenge(options: { userId: string; method?: string }, db: DbTx = prisma): Promise<string> {
  const { token } = await issueOneTimeToken(
    { purpose: "TWO_FACTOR_LOGIN", userId: options.userId, ttlMs: LOGIN_CHALLENGE_TTL_MS, payload: { method: options.method ?? "password" } },
    db,
  );
  return token;
}

/** The user id behind a live challenge, consuming it; null when unknown, used or expired. */
export async function consumeLoginChallenge(tempToken: string, db: DbTx = prisma): Promise<string | null> {
  const row = await consumeOneTimeToken("TWO_FACTOR_LOGIN", tempToken, db);
  return row?.userId ?? null;
}
