import "server-only";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import type { Session, TwoFactor, User } from "@/lib/generated/prisma/client";
import { describeError, logger } from "@/lib/core/logger";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { findOrCreateSocialUser, type SocialIdentity } from "@/lib/services/auth/link-social-account";
import { recordLoginAttempt } from "@/lib/services/auth/login-lockout";
import { createSession, type IssuedTokens } from "@/lib/services/sessions/create-session";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";

export type IdTokenProvider = "google" | "apple";

export type IdTokenSignIn =
  | { kind: "session"; user: User & { twoFactor: TwoFactor | null }; session: Session; tokens: IssuedTokens; created: boolean }
  | { kind: "two-factor"; user: User; tempToken: string };

type ProviderCheck = { jwksUri: string; issuers: string[]; audiences: string[] };

const GOOGLE_DEFAULT_ISSUER = "https://accounts.google.com";
const CLOCK_TOLERANCE_SECONDS = 5;

function providerCheck(provider: IdTokenProvider): ProviderCheck {
  const e = env();
  const audience = provider === "google" ? e.AUTH_GOOGLE_ID : e.AUTH_APPLE_ID;
  // Several client ids may be accepted (web, iOS and Android apps each have one).
  const audiences = (audience ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  if (audiences.length === 0) throw new AppError("PROVIDER_NOT_CONFIGURED");
  if (provider === "google") {
    // Google signs with either form of its issuer.
    const issuers = e.GOOGLE_ISSUER === GOOGLE_DEFAULT_ISSUER ? [GOOGLE_DEFAULT_ISSUER, "accounts.google.com"] : [e.GOOGLE_ISSUER];
    return { jwksUri: e.GOOGLE_JWKS_URI, issuers, audiences };
  }
  return { jwksUri: e.APPLE_JWKS_URI, issuers: [e.APPLE_ISSUER], audiences };
}

// One key set per URI for the process: jose caches the keys and refetches on an unknown `kid`.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySet(uri: string) {
  let set = keySets.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { timeoutDuration: env().OAUTH_TIMEOUT_MS });
    keySets.set(uri, set);
  }
  return set;
}

/** Signature (provider's JWKS, RS256 only), issuer, audience and expiry, or 401 INVALID_ID_TOKEN. */
async function verifyIdToken(provider: IdTokenProvider, token: string): Promise<JWTPayload & { sub: string }> {
  const check = providerCheck(provider);
  try {
    const { payload } = await jwtVerify(token, keySet(check.jwksUri), {
      algorithms: ["RS256"],
      issuer: check.issuers,
      audience: check.audiences,
      currentDate: now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (typeof payload.sub !== "string" || payload.sub === "") throw new AppError("INVALID_ID_TOKEN");
    return payload as JWTPayload & { sub: string };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const keysUnavailable =
      error instanceof joseErrors.JWKSTimeout ||
      error instanceof joseErrors.JWKSInvalid ||
      !(error instanceof joseErrors.JOSEError) ||
      /JSON Web Key Set HTTP response/.test(error.message);
    if (keysUnavailable) {
      // The provider's keys could not be read: not the client's fault, and not a 401.
      logger.warn("Identity provider keys unavailable", { provider, ...describeError(error) });
      throw new AppError("PROVIDER_ERROR", { cause: error });
    }
    throw new AppError("INVALID_ID_TOKEN", { cause: error });
  }
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** Apple's first-consent `user` parameter: only the name, as it is unsigned. */
function appleName(user: unknown): { firstName: string | null; lastName: string | null } {
  let value = user;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { firstName: null, lastName: null };
    }
  }
  const name = (value as { name?: { firstName?: unknown; lastName?: unknown } } | null)?.name;
  return { firstName: text(name?.firstName), lastName: text(name?.lastName) };
}

function identityOf(provider: IdTokenProvider, claims: JWTPayload & { sub: string }, appleUser: unknown): SocialIdentity {
  const base = {
    provider,
    providerAccountId: claims.sub,
    type: "oidc" as const,
    email: text(claims.email),
    // Google sends a boolean, Apple a boolean or the string "true".
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
  };
  if (provider === "google") {
    return { ...base, name: text(claims.name), firstName: text(claims.given_name), lastName: text(claims.family_name), image: text(claims.picture) };
  }
  return { ...base, ...appleName(appleUser) };
}

/**
 * Seed 002's native sign-in (docs/contracts/README.md "Social sign-in"): the app hands us the provider's id token; once
 * verified, the linking rule finds or creates the user and an API session is opened, or a
 * 2FA challenge is answered when the account has a second factor (a provider login is one
 * factor, like a password).
 */
export async function signInWithIdToken(
  options: { provider: IdTokenProvider; idToken: string; appleUser?: unknown; client: ClientInfo },
  db: Db = prisma,
): Promise<IdTokenSignIn> {
  const claims = await verifyIdToken(options.provider, options.idToken);
  const { user, created } = await findOrCreateSocialUser({ identity: identityOf(options.provider, claims, options.appleUser), client: options.client }, db);
  const attempt = { email: user.email, userId: user.id, method: options.provider, client: options.client };

  if (!user.active) {
    await recordLoginAttempt({ ...attempt, success: false, reason: "ACCOUNT_DISABLED" }, db);
    throw new AppError("ACCOUNT_DISABLED");
  }
  if (env().AUTH_REQUIRE_VERIFIED_EMAIL && !user.emailVerified) {
    await recordLoginAttempt({ ...attempt, success: false, reason: "EMAIL_NOT_VERIFIED" }, db);
    throw new AppError("EMAIL_NOT_VERIFIED");
  }
  const twoFactor = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (twoFactor?.enabledAt) {
    const tempToken = await createLoginChallenge({ userId: user.id, method: options.provider }, db);
    await recordLoginAttempt({ ...attempt, success: false, reason: "TWO_FACTOR_PENDING" }, db);
    return { kind: "two-factor", user, tempToken };
  }

  return db.$transaction(async (tx) => {
    const { session, tokens } = await createSession({ userId: user.id, kind: "API", method: options.provider, client: options.client }, tx);
    await recordLoginAttempt({ ...attempt, success: true }, tx);
    await recordAuditEvent({ userId: user.id, type: "LOGIN_SUCCEEDED", client: options.client, metadata: { sessionId: session.id, method: options.provider } }, tx);
    const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: { twoFactor: true } });
    return { kind: "session" as const, user: fresh, session, tokens: tokens!, created };
  });
}
