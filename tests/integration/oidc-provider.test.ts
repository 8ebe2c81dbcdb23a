import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import * as oidc from "openid-client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { readOutbox } from "@/lib/mail/outbox";
import { EnvError, parseEnv, resetEnv } from "@/lib/core/env";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { approveInteraction, denyInteraction, findInteraction } from "@/lib/oidc/interaction";
import { OIDC_TTL, resetProvider } from "@/lib/oidc/provider";
import { listAuthorizedApps } from "@/lib/services/oauth-provider/list-authorized-apps";
import { revokeAuthorizedApp } from "@/lib/services/oauth-provider/revoke-authorized-app";
import oidcHandler from "@/pages/api/oidc/[...path]";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD } from "../support/fixtures";

/**
 * The OpenID Connect provider driven by the certified relying-party library openid-client,
 * over real HTTP against the mounted handler (pages/api/oidc/[...path].ts) in this process.
 * The consent page's action is played by the same functions it calls (findInteraction with
 * the browser's cookies, approveInteraction / denyInteraction).
 */

let server: Server;
let origin: string;
const REDIRECT = "https://app.example/callback";
const SECRET = "cs_test-secret-0123456789abcdef";

function rsaKey(kid: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void oidcHandler(req as Parameters<typeof oidcHandler>[0], res as Parameters<typeof oidcHandler>[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = origin;
  resetEnv();
  resetProvider();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.OIDC_JWKS;
  process.env.APP_URL = "http://localhost:3000";
  resetEnv();
  resetProvider();
});

async function registerApp(options: { confidential?: boolean } = {}) {
  const { user: owner } = await createUser();
  const clientId = `app_${Math.random().toString(36).slice(2)}`;
  await prisma.oAuthApp.create({
    data: {
      ownerId: owner.id,
      clientId,
      clientSecretEncrypted: options.confidential === false ? null : encryptSecret(SECRET),
      name: "Test App",
      redirectUris: [REDIRECT],
    },
  });
  return clientId;
}

async function client(clientId: string, confidential = true) {
  return oidc.discovery(new URL(origin), clientId, confidential ? SECRET : undefined, confidential ? undefined : oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
}

const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");

/** The browser's round trip: authorize, the consent page's decision, back to the app's redirect URI. */
async function authorize(
  config: oidc.Configuration,
  options: { userId: string; scope: string; params?: Record<string, string>; deny?: boolean; verifier?: string },
) {
  const verifier = options.verifier ?? oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: options.scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...(options.scope.includes("offline_access") ? { prompt: "consent" } : {}),
    ...options.params,
  });
  const first = await fetch(url, { redirect: "manual" });
  const location = first.headers.get("location") ?? "";
  if (!location.startsWith("/oauth/consent/")) return { first, location, verifier, state, nonce };
  const uid = location.split("/").pop()!;
  const cookies = cookieHeader(first);
  const interaction = await findInteraction(uid, cookies);
  expect(interaction).not.toBeNull();
  const returnTo = options.deny ? await denyInteraction(interaction!) : await approveInteraction(interaction!, { userId: options.userId });
  const back = await fetch(returnTo, { redirect: "manual", headers: { cookie: cookies } });
  return { first, location: back.headers.get("location") ?? "", verifier, state, nonce, uid, cookies };
}

async function signIn(config: oidc.Configuration, userId: string, scope = "openid profile offline_access") {
  const flow = await authorize(config, { userId, scope });
  expect(flow.location.startsWith(REDIRECT)).toBe(true);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(flow.location), {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: scope.includes("openid"),
  });
  return { tokens, flow };
}

const jpeg = async () => {
  const data = new FormData();
  const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#36c" } }).jpeg().toBuffer();
  data.append("photo", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "photo.jpg");
  return data;
};

describe("the OpenID Connect provider, with openid-client", () => {
  it("publishes discovery at the origin, with endpoints under the mount path and S256 only", async () => {
    const config = await client(await registerApp());
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(origin);
    expect(metadata.authorization_endpoint).toBe(`${origin}/api/oidc/authorize`);
    expect(metadata.token_endpoint).toBe(`${origin}/api/oidc/token`);
    expect(metadata.jwks_uri).toBe(`${origin}/api/oidc/jwks`);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.response_types_supported).toEqual(["code"]);
    expect(metadata.grant_types_supported).not.toContain("implicit");
    expect(metadata.grant_types_supported).not.toContain("password");
    const rfc8414 = await fetch(`${origin}/.well-known/oauth-authorization-server`);
    expect(((await rfc8414.json()) as { issuer: string }).issuer).toBe(origin);
  });

  it("runs code + PKCE with state and nonce, answers only granted claims, rotates refresh tokens and kills the family on replay", async () => {
    const { user } = await createUser({ firstName: "Ada", lastName: "Lovelace", name: "Ada Lovelace" });
    const clientId = await registerApp();
    const config = await client(clientId);
    const { tokens } = await signIn(config, user.id);
    const claims = tokens.claims()!;
    expect(claims.sub).toBe(user.id);
    expect(claims.iss).toBe(origin);
    expect(claims.aud).toBe(clientId);

    const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toMatchObject({ sub: user.id, name: "Ada Lovelace", given_name: "Ada", family_name: "Lovelace" });
    expect(info.email).toBeUndefined();

    // The portal's own 001 routes accept the token with `profile`.
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(200);
    const upload = await api.request("POST", "/api/auth/profile/photo", { token: tokens.access_token, body: await jpeg() });
    expect(upload.status, upload.text).toBe(200);
    // ... but not the first-party-only ones.
    const sessions = await api.get("/api/sessions", { token: tokens.access_token });
    expect(sessions.status).toBe(403);
    expect(sessions.headers.get("www-authenticate")).toMatch(/insufficient_scope/);

    const apps = await listAuthorizedApps({ userId: user.id });
    expect(apps).toMatchObject([{ clientId, name: "Test App", scopes: ["openid", "profile", "offline_access"] }]);

    const first = tokens.refresh_token!;
    const refreshed = await oidc.refreshTokenGrant(config, first);
    expect(refreshed.refresh_token).toBeDefined();
    expect(refreshed.refresh_token).not.toBe(first);
    expect((await api.get("/api/auth/userinfo", { token: refreshed.access_token })).status).toBe(200);

    // Replaying the used refresh token fails and revokes the whole grant.
    await expect(oidc.refreshTokenGrant(config, first)).rejects.toMatchObject({ error: "invalid_grant" });
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    expect((await api.get("/api/auth/userinfo", { token: refreshed.access_token })).status).toBe(401);
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(401);
  });

  it("revokes an access token at the revocation endpoint", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const { tokens } = await signIn(config, user.id);
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(200);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    // Another app can neither introspect nor revoke this app's token.
    const other = await client(await registerApp());
    expect((await oidc.tokenIntrospection(other, tokens.access_token)).active).toBe(false);
    await oidc.tokenRevocation(other, tokens.access_token);
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(200);
    await oidc.tokenRevocation(config, tokens.access_token);
    const after = await api.get("/api/auth/userinfo", { token: tokens.access_token });
    expect(after.status).toBe(401);
  });

  it("works for a public client (no secret, PKCE only)", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp({ confidential: false }), false);
    const { tokens } = await signIn(config, user.id, "openid profile");
    expect(tokens.claims()!.sub).toBe(user.id);
  });

  it("answers 403 insufficient_scope to a token without profile on a 001 route, and releases email only with the email scope", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const { tokens } = await signIn(config, user.id, "openid email");
    const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info.email).toBe(user.email);
    expect(info.name).toBeUndefined();
    const res = await api.get("/api/auth/userinfo", { token: tokens.access_token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
  });

  it("issue 15 item 1: a token granted `openid profile` cannot change the sign-in email (403 insufficient_scope, no pending change, no email)", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const { tokens } = await signIn(config, user.id, "openid profile");
    const attacker = `attacker.${Date.now()}@example.com`;
    const res = await api.put("/api/users/profile", { email: attacker }, { token: tokens.access_token });
    expect(res.status, res.text).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_scope"/);
    expect(await prisma.verification.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
    expect(await readOutbox({ to: attacker })).toEqual([]);
    // What `profile` allows still works with the same token.
    expect((await api.put("/api/users/profile", { first_name: "Grace" }, { token: tokens.access_token })).status).toBe(200);
  });

  it("refuses the tokens of an app the user revoked (401), at once", async () => {
    const { user } = await createUser();
    const clientId = await registerApp();
    const config = await client(clientId);
    const { tokens } = await signIn(config, user.id);
    await revokeAuthorizedApp({ userId: user.id, clientId });
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(401);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    expect(await listAuthorizedApps({ userId: user.id })).toEqual([]);
    await expect(revokeAuthorizedApp({ userId: user.id, clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never redirects to an unregistered redirect_uri", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const flow = await authorize(config, { userId: user.id, scope: "openid", params: { redirect_uri: "https://evil.example/callback" } });
    expect(flow.first.status).toBe(400);
    expect(flow.location).toBe("");
    const trailing = await authorize(config, { userId: user.id, scope: "openid", params: { redirect_uri: `${REDIRECT}/` } });
    expect(trailing.first.status).toBe(400);
  });

  it("refuses a replayed code, and revokes what the first exchange issued", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const flow = await authorize(config, { userId: user.id, scope: "openid profile" });
    const checks = { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce };
    const tokens = await oidc.authorizationCodeGrant(config, new URL(flow.location), checks);
    await expect(oidc.authorizationCodeGrant(config, new URL(flow.location), checks)).rejects.toMatchObject({ error: "invalid_grant" });
    expect((await api.get("/api/auth/userinfo", { token: tokens.access_token })).status).toBe(401);
  });

  it("requires PKCE with S256: no challenge and `plain` are refused, a wrong verifier fails", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const missing = await authorize(config, { userId: user.id, scope: "openid", params: { code_challenge: "", code_challenge_method: "" } });
    expect(missing.location).toMatch(/^https:\/\/app\.example\/callback\?.*error=invalid_request/);
    expect(missing.location).not.toMatch(/[?&]code=/);
    const verifier = oidc.randomPKCECodeVerifier();
    const plain = await authorize(config, { userId: user.id, scope: "openid", params: { code_challenge: verifier, code_challenge_method: "plain" } });
    expect(plain.location).toMatch(/error=invalid_request/);
    expect(plain.location).not.toMatch(/[?&]code=/);

    const flow = await authorize(config, { userId: user.id, scope: "openid" });
    await expect(
      oidc.authorizationCodeGrant(config, new URL(flow.location), { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: flow.state, expectedNonce: flow.nonce }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("returns access_denied when the user denies", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const flow = await authorize(config, { userId: user.id, scope: "openid profile", deny: true });
    expect(flow.location).toMatch(/error=access_denied/);
    expect(flow.location).toContain(`state=${flow.state}`);
  });

  it("refuses a consent from a browser that did not start the request", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    const first = await fetch(url, { redirect: "manual" });
    const uid = first.headers.get("location")!.split("/").pop()!;
    expect(await findInteraction(uid, null)).toBeNull();
    expect(await findInteraction(uid, `_interaction=${uid}; _interaction.sig=forged`)).toBeNull();
    expect(user.id).toBeTruthy();
  });

  it("issues codes that live 10 minutes at most, stored only as hashes", async () => {
    expect(OIDC_TTL.AuthorizationCode).toBeLessThanOrEqual(600);
    const { user } = await createUser();
    const config = await client(await registerApp());
    const flow = await authorize(config, { userId: user.id, scope: "openid" });
    const code = new URL(flow.location).searchParams.get("code")!;
    const rows = await prisma.oidcPayload.findMany({ where: { type: "AuthorizationCode", accountId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(code);
    const payload = rows[0]!.payload as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(600);
  });

  it("rotates signing keys: a token signed by the previous key verifies while it is published", async () => {
    const oldKey = rsaKey("old-key");
    const newKey = rsaKey("new-key");
    process.env.OIDC_JWKS = JSON.stringify({ keys: [oldKey] });
    resetEnv();
    resetProvider();
    const { user } = await createUser();
    const clientId = await registerApp();
    const before = await signIn(await client(clientId), user.id, "openid");
    const oldIdToken = before.tokens.id_token!;
    expect(decodeProtectedHeader(oldIdToken).kid).toBe("old-key");

    process.env.OIDC_JWKS = JSON.stringify({ keys: [newKey, oldKey] });
    resetEnv();
    resetProvider();
    const jwks = (await (await fetch(`${origin}/api/oidc/jwks`)).json()) as JSONWebKeySet;
    expect(jwks.keys.map((key) => key.kid)).toEqual(["new-key", "old-key"]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
    const verified = await jwtVerify(oldIdToken, createLocalJWKSet(jwks), { issuer: origin, audience: clientId });
    expect(verified.payload.sub).toBe(user.id);

    const after = await signIn(await client(clientId), user.id, "openid");
    expect(decodeProtectedHeader(after.tokens.id_token!).kid).toBe("new-key");

    process.env.OIDC_JWKS = JSON.stringify({ keys: [newKey] });
    resetEnv();
    resetProvider();
    const retired = (await (await fetch(`${origin}/api/oidc/jwks`)).json()) as JSONWebKeySet;
    await expect(jwtVerify(oldIdToken, createLocalJWKSet(retired), { issuer: origin, audience: clientId })).rejects.toThrow();
    delete process.env.OIDC_JWKS;
    resetEnv();
    resetProvider();
  });

  it("deletes the user's provider rows (grants, tokens, sessions) with the account", async () => {
    const { user } = await createUser();
    const config = await client(await registerApp());
    await signIn(config, user.id);
    expect(await prisma.oidcPayload.count({ where: { accountId: user.id } })).toBeGreaterThan(0);
    await deleteAccount({ userId: user.id, password: DEFAULT_PASSWORD });
    expect(await prisma.oidcPayload.count({ where: { accountId: user.id } })).toBe(0);
  });

  it("validates OIDC_JWKS and requires it in production on Vercel", () => {
    expect(() => parseEnv({ OIDC_JWKS: "not json" })).toThrow(EnvError);
    expect(() => parseEnv({ OIDC_JWKS: JSON.stringify({ keys: [{ kty: "RSA", kid: "public-only", n: "x", e: "AQAB" }] }) })).toThrow(/OIDC_JWKS/);
    expect(parseEnv({ OIDC_JWKS: JSON.stringify({ keys: [rsaKey("k1")] }) }).OIDC_JWKS).toBeDefined();
    const vercel = { VERCEL: "1", NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db", RESEND_API_KEY: "re_x", BLOB_READ_WRITE_TOKEN: "t", AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
    expect(() => parseEnv(vercel)).toThrow(/OIDC_JWKS is required in production/);
    expect(() => parseEnv({ ...vercel, OIDC_JWKS: JSON.stringify({ keys: [rsaKey("k1")] }) })).not.toThrow();
  });
});
