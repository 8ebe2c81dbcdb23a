import "server-only";
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { now } from "@/lib/core/clock";
import { env } from "@/lib/core/env";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const AUDIENCE = "portal-api";
/** Clock skew tolerated between the machines that sign and verify (the same app). */
const CLOCK_TOLERANCE_SECONDS = 5;

export type AccessTokenClaims = { userId: string; sessionId: string; scopes: string[] };

// A key of its own, derived from AUTH_SECRET, so an access token can never be replayed as
// an Auth.js cookie or the reverse.
function key(): Uint8Array {
  return createHash("sha256").update(`access-token:${env().AUTH_SECRET}`).digest();
}

/** A 15-minute HS256 JWT bound to one session row: revoking the row voids it at once. */
export async function signAccessToken(claims: AccessTokenClaims): Promise<string> {
  const issuedAt = Math.floor(now().getTime() / 1000);
  return new SignJWT({ sid: claims.sessionId, scope: claims.scopes.join(" "), typ: "access" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(env().APP_URL)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(key());
}

/**
 * The claims of a valid access token, or undefined: bad signature or algorithm, expired,
 * not yet valid (nbf, or iat in the future), living longer than we issue, wrong issuer,
 * audience or type.
 */
export async function verifyAccessToken(token: string): Promise<AccessTokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: ["HS256"],
      issuer: env().APP_URL,
      audience: AUDIENCE,
      currentDate: now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat", "sub"],
      maxTokenAge: ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
    });
    // jose checks iat only against maxTokenAge (its past); a token issued "later" is forged.
    const nowSeconds = now().getTime() / 1000;
    if (payload.iat! > nowSeconds + CLOCK_TOLERANCE_SECONDS) return undefined;
    if (payload.exp! - payload.iat! > ACCESS_TOKEN_TTL_SECONDS) return undefined;
    if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.sid !== "string") return undefined;
    const scope = typeof payload.scope === "string" ? payload.scope : "";
    return { userId: payload.sub, sessionId: payload.sid, scopes: scope.split(" ").filter(Boolean) };
  } catch {
    return undefined;
  }
}
