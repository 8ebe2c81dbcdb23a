import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { now } from "@/lib/core/clock";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { PrismaOidcAdapter } from "@/lib/oidc/adapter";
import { createPersonalToken } from "@/lib/services/personal-tokens/create-personal-token";
import { createSession } from "@/lib/services/sessions/create-session";

/**
 * Every kind of credential the portal issues, made the way the portal makes them, for the
 * credential-policy tests. OpenID Connect access tokens are written through the provider's
 * own storage adapter (the rows oidc-provider writes after a consent), so the resolver reads
 * exactly what a real grant leaves; oidc-provider.test.ts drives the real flow end to end.
 */

/**
 * A personal access token of the user with these scopes (the settings page's service). Tokens
 * need a verified email, so the user's is marked verified first (when it is not already).
 */
export async function personalToken(userId: string, scopes: string[]): Promise<string> {
  await prisma.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: now() } });
  const { token } = await createPersonalToken({ userId, name: `test ${scopes.join(" ")}`, scopes, expiresInDays: 30 });
  return token;
}

/** A third-party app (registered by another user) and an opaque access token it holds for the user, with these scopes. */
export async function oidcAccessToken(userId: string, scope: string): Promise<{ token: string; clientId: string }> {
  const { id: ownerId } = await prisma.user.create({ data: { email: `owner.${randomBytes(6).toString("hex")}@example.com`, passwordHash: null } });
  const clientId = `app_${randomBytes(8).toString("hex")}`;
  await prisma.oAuthApp.create({
    data: { ownerId, clientId, clientSecretEncrypted: encryptSecret("cs_test-secret"), name: "Third-party app", redirectUris: ["https://app.example/callback"] },
  });
  const grantId = randomBytes(16).toString("base64url");
  const token = randomBytes(32).toString("base64url");
  const iat = Math.floor(now().getTime() / 1000);
  await new PrismaOidcAdapter("Grant").upsert(
    grantId,
    { jti: grantId, kind: "Grant", accountId: userId, clientId, openid: { scope }, iat, exp: iat + 14 * 24 * 3600 },
    14 * 24 * 3600,
  );
  await new PrismaOidcAdapter("AccessToken").upsert(
    token,
    { jti: token, kind: "AccessToken", accountId: userId, clientId, grantId, scope, iat, exp: iat + 900 },
    900,
  );
  return { token, clientId };
}

/** The Auth.js browser cookie of a new session for the user (created at the clock's now). */
export async function sessionCookie(userId: string): Promise<{ cookie: string; sessionId: string }> {
  const { session } = await createSession({ userId, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(false);
  const value = await encode({ token: { sub: userId, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
  return { cookie: `${name}=${value}`, sessionId: session.id };
}

/** Headers of a same-origin browser request carrying the cookie (what the portal's pages send). */
export function cookieHeaders(cookie: string): Record<string, string> {
  return { cookie, origin: env().APP_URL, "sec-fetch-site": "same-origin" };
}

/** Moves a session's sign-in into the past, so it is outside (or inside) its sudo window. */
export async function ageSession(sessionId: string, ms: number): Promise<void> {
  const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
  await prisma.session.update({
    where: { id: sessionId },
    data: {
      createdAt: new Date(row.createdAt.getTime() - ms),
      reauthenticatedAt: row.reauthenticatedAt ? new Date(row.reauthenticatedAt.getTime() - ms) : null,
    },
  });
}
