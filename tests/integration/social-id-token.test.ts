import { generateKeyPair, SignJWT } from "jose";
import type { OAuth2Server } from "oauth2-mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCaller } from "@/lib/auth/caller";
import { setClock } from "@/lib/core/clock";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, signInApi, uniqueEmail } from "../support/fixtures";
import { closedPortUrl, startOAuthServer } from "../support/oauth-server";

let oauth: { server: OAuth2Server; url: string; stop: () => Promise<void> };
const GOOGLE_CLIENT = "google-web-client.apps.googleusercontent.com";
const APPLE_CLIENT = "com.example.portal";
const VARS = ["AUTH_GOOGLE_ID", "GOOGLE_JWKS_URI", "GOOGLE_ISSUER", "AUTH_APPLE_ID", "APPLE_JWKS_URI", "APPLE_ISSUER"];

function configure() {
  process.env.AUTH_GOOGLE_ID = `other-client,${GOOGLE_CLIENT}`;
  process.env.GOOGLE_JWKS_URI = `${oauth.url}/jwks`;
  process.env.GOOGLE_ISSUER = oauth.url;
  process.env.AUTH_APPLE_ID = APPLE_CLIENT;
  process.env.APPLE_JWKS_URI = `${oauth.url}/jwks`;
  process.env.APPLE_ISSUER = oauth.url;
  resetEnv();
}

beforeAll(async () => {
  oauth = await startOAuthServer();
  configure();
});

afterEach(() => {
  setClock(undefined);
  configure();
});

afterAll(async () => {
  for (const name of VARS) delete process.env[name];
  resetEnv();
  await oauth.stop();
});

type Claims = Record<string, unknown>;

/** An id token signed by the local provider's key (served at its /jwks). */
function idToken(claims: Claims, options: { expiresIn?: number } = {}): Promise<string> {
  return oauth.server.issuer.buildToken({
    expiresIn: options.expiresIn,
    scopesOrTransform: (_header, payload) => {
      Object.assign(payload, { aud: GOOGLE_CLIENT, sub: `g-${Math.random().toString(36).slice(2)}`, ...claims });
    },
  });
}

type SignInBody = {
  success: boolean;
  user: { id: string; email: string; name: string | null };
  accessToken: string;
  data: { tokens: { accessToken: string; refreshToken: string } };
};

describe("POST /auth/google", () => {
  it("creates a verified user on first sign-in and opens an API session", async () => {
    const email = uniqueEmail("google");
    const token = await idToken({ sub: "google-sub-1", email, email_verified: true, name: "Ada Lovelace", picture: "https://example.com/a.png" });
    const res = await api.post<SignInBody>("/auth/google", { idToken: token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, user: { email, name: "Ada Lovelace" } });
    expect(res.body.accessToken).toBe(res.body.data.tokens.accessToken);
    expect(res.body.data.tokens.refreshToken).toMatch(/^[0-9a-f]{64}$/);

    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user).toMatchObject({ firstName: "Ada", lastName: "Lovelace", image: "https://example.com/a.png" });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.accounts).toMatchObject([{ provider: "google", providerAccountId: "google-sub-1", type: "oidc" }]);
    const caller = await getCaller(new Request("http://localhost:3000/api/x", { headers: { authorization: `Bearer ${res.body.accessToken}` } }));
    expect(caller?.user.id).toBe(user.id);
    expect(caller?.session).toMatchObject({ kind: "API", method: "google" });

    const again = await api.post<SignInBody>("/api/auth/google", { idToken: await idToken({ sub: "google-sub-1", email, email_verified: true }) });
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(user.id);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("links a verified email to the existing user", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const res = await api.post<SignInBody>("/auth/google", { idToken: await idToken({ email: user.email.toUpperCase(), email_verified: true }) });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(await prisma.account.count({ where: { userId: user.id, provider: "google" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "SOCIAL_ACCOUNT_LINKED" } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBeNull();
  });

  it("refuses to link when the provider does not vouch for the email", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const res = await api.post("/auth/google", { idToken: await idToken({ email: user.email, email_verified: false }) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ success: false, statusCode: 409, error: "OAUTH_ACCOUNT_NOT_LINKED" });
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("takes an unverified local account over from whoever set its password (pre-hijacking defence)", async () => {
    const { user } = await createUser({ emailVerified: null });
    const squatter = await signInApi(user);
    const res = await api.post<SignInBody>("/auth/google", { idToken: await idToken({ email: user.email, email_verified: true }) });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: squatter.sessionId } })).revokedAt).toBeInstanceOf(Date);
  });

  it("creates one user when two first sign-ins race", async () => {
    const email = uniqueEmail("race");
    const [a, b] = await Promise.all([
      api.post<SignInBody>("/auth/google", { idToken: await idToken({ sub: "race-sub", email, email_verified: true }) }),
      api.post<SignInBody>("/auth/google", { idToken: await idToken({ sub: "race-sub", email, email_verified: true }) }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.user.id).toBe(b.body.user.id);
    expect(await prisma.account.count({ where: { provider: "google", providerAccountId: "race-sub" } })).toBe(1);
  });

  it("answers the 2FA challenge when the account has a second factor", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP"), enabledAt: new Date() } });
    const res = await api.post("/auth/google", { idToken: await idToken({ email: user.email, email_verified: true }) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, requires2FA: true, tempToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(res.body).not.toHaveProperty("accessToken");
  });

  describe("refuses a token that is not the provider's for this app (401 INVALID_ID_TOKEN)", () => {
    const expectRefused = async (token: string) => {
      const res = await api.post("/auth/google", { idToken: token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ success: false, statusCode: 401, error: "INVALID_ID_TOKEN" });
    };

    it("wrong audience", async () => expectRefused(await idToken({ aud: "someone-elses-app", email: uniqueEmail(), email_verified: true })));
    it("wrong issuer", async () => expectRefused(await idToken({ iss: "https://evil.example.com", email: uniqueEmail(), email_verified: true })));
    it("expired", async () => {
      const token = await idToken({ email: uniqueEmail(), email_verified: true }, { expiresIn: 60 });
      setClock(() => new Date(Date.now() + 5 * 60 * 1000));
      await expectRefused(token);
    });
    it("signed by another key, under the provider's kid or an unknown one", async () => {
      const kid = (oauth.server.issuer.keys.toJSON()[0] as { kid: string }).kid;
      const { privateKey } = await generateKeyPair("RS256");
      const claims = { aud: GOOGLE_CLIENT, iss: oauth.url, sub: "forged", email: uniqueEmail(), email_verified: true };
      const forge = (headerKid: string) =>
        new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: headerKid }).setIssuedAt().setExpirationTime("10m").sign(privateKey);
      await expectRefused(await forge(kid));
      await expectRefused(await forge("unknown-kid"));
      const hmac = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid }).setIssuedAt().setExpirationTime("10m").sign(new TextEncoder().encode("x".repeat(32)));
      await expectRefused(hmac);
      await expectRefused("not-a-jwt");
      expect(await prisma.account.count({ where: { providerAccountId: "forged" } })).toBe(0);
    });
  });

  it("answers 400 without an idToken, 503 when Google is not configured, 502 when its keys cannot be read", async () => {
    const missing = await api.post("/auth/google", {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: "VALIDATION_ERROR", details: { idToken: expect.any(String) } });

    delete process.env.AUTH_GOOGLE_ID;
    resetEnv();
    const unconfigured = await api.post("/auth/google", { idToken: await idToken({ email: uniqueEmail(), email_verified: true }) });
    expect(unconfigured.status).toBe(503);
    expect(unconfigured.body).toMatchObject({ error: "PROVIDER_NOT_CONFIGURED" });

    configure();
    process.env.GOOGLE_JWKS_URI = `${await closedPortUrl()}/jwks`;
    resetEnv();
    const down = await api.post("/auth/google", { idToken: await idToken({ email: uniqueEmail(), email_verified: true }) });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ error: "PROVIDER_ERROR" });
  });
});

describe("POST /auth/apple", () => {
  it("creates the user with the name from Apple's first-consent `user` and the email from the token", async () => {
    const email = uniqueEmail("apple");
    const token = await idToken({ aud: APPLE_CLIENT, sub: "apple-sub-1", email, email_verified: "true" });
    const user = JSON.stringify({ name: { firstName: "Grace", lastName: "Hopper" }, email: "ignored@example.com" });
    const res = await api.post<SignInBody>("/auth/apple", { identityToken: token, user }, { headers: { "accept-language": "en" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, user: { email, name: "Grace Hopper" } });
    const row = await prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(row.emailVerified).toBeInstanceOf(Date);
    expect(row.accounts[0]).toMatchObject({ provider: "apple", providerAccountId: "apple-sub-1" });

    const later = await api.post<SignInBody>("/api/auth/apple", { identityToken: await idToken({ aud: APPLE_CLIENT, sub: "apple-sub-1" }) });
    expect(later.status).toBe(200);
    expect(later.body.user.id).toBe(row.id);
  });

  it("refuses a Google-audience token", async () => {
    const res = await api.post("/auth/apple", { identityToken: await idToken({ email: uniqueEmail(), email_verified: true }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: "INVALID_ID_TOKEN" });
  });
});
