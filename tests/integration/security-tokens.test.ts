import { createHash, generateKeyPairSync } from "node:crypto";
import { SignJWT, exportSPKI, importPKCS8 } from "jose";
import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { env } from "@/lib/core/env";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, signInApi } from "../support/fixtures";
import { enableWithApi, stepClock, warmUpTwoFactorRoutes } from "./two-factor-helpers";

/**
 * Security suite, tokens: every forged, stale or misused bearer token is refused with 401
 * on a protected route (`GET /api/me`), and the genuine one is accepted (so the 401s are
 * not an accident of the setup).
 */
beforeAll(warmUpTwoFactorRoutes);
afterEach(() => setClock(undefined));

const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const accessKey = () => createHash("sha256").update(`access-token:${env().AUTH_SECRET}`).digest();

type Claims = Record<string, unknown>;

async function fixture() {
  const { user } = await createUser();
  const signedIn = await signInApi(user);
  const now = Math.floor(Date.now() / 1000);
  const claims: Claims = {
    sub: user.id,
    sid: signedIn.sessionId,
    scope: "profile email",
    typ: "access",
    iss: env().APP_URL,
    aud: "portal-api",
    iat: now,
    exp: now + 600,
  };
  return { user, ...signedIn, claims, now };
}

/** A token signed with the real access-token key (what only the server can make), with chosen claims. */
function signWithRealKey(claims: Claims, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }) {
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(accessKey());
}

async function status(token: string, path = "/api/me") {
  return (await api.get(path, { token })).status;
}

describe("bearer tokens: every forgery and misuse answers 401", () => {
  it("accepts the genuine token and one re-signed with the real key and the same claims (baseline)", async () => {
    const { accessToken, claims } = await fixture();
    expect(await status(accessToken)).toBe(200);
    expect(await status(await signWithRealKey(claims))).toBe(200);
  });

  it("refuses alg:none, with and without a trailing signature", async () => {
    const { claims } = await fixture();
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`;
    expect(await status(unsigned)).toBe(401);
    expect(await status(unsigned.slice(0, -1))).toBe(401);
    expect(await status(`${b64url({ alg: "None" })}.${b64url(claims)}.AAAA`)).toBe(401);
  });

  it("refuses algorithm confusion: HS512 with the real key, RS256 with any key, HS256 keyed with a public key", async () => {
    const { claims } = await fixture();
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: "HS512" }).sign(accessKey());
    expect(await status(hs512)).toBe(401);

    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rsa = await importPKCS8(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), "RS256");
    const rs256 = await new SignJWT(claims).setProtectedHeader({ alg: "RS256" }).sign(rsa);
    expect(await status(rs256)).toBe(401);

    // The classic confusion: the public key's PEM used as an HMAC secret.
    const pem = await exportSPKI(await (await import("jose")).importSPKI(publicKey.export({ type: "spki", format: "pem" }).toString(), "RS256"));
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(pem));
    expect(await status(confused)).toBe(401);

    // AUTH_SECRET itself (the Auth.js secret) is not the access-token key either.
    const authSecret = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(env().AUTH_SECRET));
    expect(await status(authSecret)).toBe(401);
  });

  it("refuses a tampered payload (another user's id, more scopes) under the original signature", async () => {
    const a = await fixture();
    const b = await fixture();
    const [header, , signature] = a.accessToken.split(".");
    const swapped = `${header}.${b64url({ ...a.claims, sub: b.user.id, sid: b.sessionId })}.${signature}`;
    expect(await status(swapped)).toBe(401);
    const widened = `${header}.${b64url({ ...a.claims, scope: "profile email admin" })}.${signature}`;
    expect(await status(widened)).toBe(401);
    // Re-signed with the real key, a token naming A's session with B's id is refused by the session check.
    expect(await status(await signWithRealKey({ ...a.claims, sub: b.user.id }))).toBe(401);
  });

  it("refuses an expired token, and tokens not yet valid (nbf or iat in the future)", async () => {
    const { claims, now, accessToken } = await fixture();
    expect(await status(await signWithRealKey({ ...claims, iat: now - 1000, exp: now - 10 }))).toBe(401);
    expect(await status(await signWithRealKey({ ...claims, nbf: now + 600 }))).toBe(401);
    expect(await status(await signWithRealKey({ ...claims, iat: now + 600, exp: now + 1200 }))).toBe(401);
    // Without an expiry, or living longer than 15 minutes, a token is not one we issue.
    const { exp: _exp, ...noExp } = claims;
    expect(await status(await signWithRealKey(noExp))).toBe(401);
    expect(await status(await signWithRealKey({ ...claims, exp: now + 30 * 24 * 3600 }))).toBe(401);
    // The genuine token, 16 minutes later.
    setClock(() => new Date(Date.now() + 16 * 60 * 1000));
    expect(await status(accessToken)).toBe(401);
  });

  it("refuses a wrong audience, a wrong issuer and a wrong type", async () => {
    const { claims } = await fixture();
    expect(await status(await signWithRealKey({ ...claims, aud: "another-api" }))).toBe(401);
    expect(await status(await signWithRealKey({ ...claims, iss: "https://evil.example" }))).toBe(401);
    expect(await status(await signWithRealKey({ ...claims, typ: "refresh" }))).toBe(401);
    const { typ: _typ, ...untyped } = claims;
    expect(await status(await signWithRealKey(untyped))).toBe(401);
  });

  it("refuses a refresh token, a 2FA temp token and the Auth.js session cookie value used as access tokens", async () => {
    const { refreshToken, sessionId, user } = await fixture();
    expect(await status(refreshToken)).toBe(401);

    const clock = stepClock();
    const other = await createUser();
    const { accessToken: otherAccess } = await signInApi(other.user);
    await enableWithApi(otherAccess, clock);
    const login = await api.post<{ tempToken?: string }>("/api/auth/login", { email: other.user.email, password: DEFAULT_PASSWORD });
    expect(login.body.tempToken).toBeTruthy();
    expect(await status(login.body.tempToken!)).toBe(401);

    const cookieName = sessionCookieName(false);
    const cookie = await encode({ token: { sub: user.id, sid: sessionId }, secret: env().AUTH_SECRET, salt: cookieName });
    expect((await api.get("/api/me", { headers: { cookie: `${cookieName}=${cookie}` } })).status).toBe(200);
    expect(await status(cookie)).toBe(401);
  });

  it("ignores ?access_token= in the URL (401), and a malformed Authorization header even with a valid cookie", async () => {
    const { accessToken, sessionId, user } = await fixture();
    expect((await api.get(`/api/me?access_token=${accessToken}`)).status).toBe(401);
    expect((await api.get(`/api/users/profile?access_token=${accessToken}`)).status).toBe(401);
    const cookieName = sessionCookieName(false);
    const cookie = await encode({ token: { sub: user.id, sid: sessionId }, secret: env().AUTH_SECRET, salt: cookieName });
    const res = await api.get("/api/me", { headers: { authorization: `Basic ${accessToken}`, cookie: `${cookieName}=${cookie}` } });
    expect(res.status).toBe(401);
  });
});

describe("access-token verification is also strict when called directly", () => {
  it("refuses a token whose header names a key id or embeds a JWK", async () => {
    const { claims } = await fixture();
    const { verifyAccessToken } = await import("@/lib/core/access-token");
    expect(await verifyAccessToken(await signWithRealKey(claims, { alg: "HS256", kid: "../../etc/passwd" }))).toBeDefined();
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const embedded = `${b64url({ alg: "ES256", jwk })}.${b64url(claims)}.${Buffer.alloc(64).toString("base64url")}`;
    expect(await verifyAccessToken(embedded)).toBeUndefined();
  });
});
