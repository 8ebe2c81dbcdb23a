import type { IncomingMessage } from "node:http";
import type { OAuth2Server } from "oauth2-mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { api, type AppResponse } from "../support/app-client";
import { createUser, uniqueEmail } from "../support/fixtures";
import { startOAuthServer } from "../support/oauth-server";
import { startSocialSignIn } from "@/lib/auth/start-social-sign-in";

/**
 * Seed 004's social sign-in, end to end in-process: our start route, Auth.js's real
 * callback handler, and a real OAuth 2.0 / OIDC server on loopback standing in for GitHub
 * and Google.
 */
let oauth: { server: OAuth2Server; url: string; stop: () => Promise<void> };
const VARS = [
  "AUTH_GITHUB_ID",
  "AUTH_GITHUB_SECRET",
  "AUTH_GITHUB_AUTHORIZATION_URL",
  "AUTH_GITHUB_TOKEN_URL",
  "AUTH_GITHUB_USERINFO_URL",
  "AUTH_GITHUB_EMAILS_URL",
  "AUTH_GOOGLE_ID",
  "AUTH_GOOGLE_SECRET",
  "AUTH_GOOGLE_ISSUER",
];

function configure() {
  Object.assign(process.env, {
    AUTH_GITHUB_ID: "github-client",
    AUTH_GITHUB_SECRET: "github-secret",
    AUTH_GITHUB_AUTHORIZATION_URL: `${oauth.url}/authorize`,
    AUTH_GITHUB_TOKEN_URL: `${oauth.url}/token`,
    AUTH_GITHUB_USERINFO_URL: `${oauth.url}/userinfo`,
    AUTH_GITHUB_EMAILS_URL: `${oauth.url}/userinfo?emails=1`,
    AUTH_GOOGLE_ID: "google-client",
    AUTH_GOOGLE_SECRET: "google-secret",
    AUTH_GOOGLE_ISSUER: oauth.url,
  });
  resetEnv();
}

beforeAll(async () => {
  oauth = await startOAuthServer();
  configure();
});

afterEach(() => {
  oauth.server.service.removeAllListeners();
  configure();
});

afterAll(async () => {
  for (const name of VARS) delete process.env[name];
  resetEnv();
  await oauth.stop();
});

/** GitHub as the mock plays it: a profile without public email, then the emails API. */
function actAsGitHub(account: { id: number; email: string; verified: boolean }) {
  oauth.server.service.on("beforeResponse", (response) => {
    // GitHub is plain OAuth 2.0: it issues no id token.
    delete (response.body as Record<string, unknown>).id_token;
  });
  oauth.server.service.on("beforeUserinfo", (response, req: IncomingMessage) => {
    response.body = req.url?.includes("emails")
      ? [{ email: account.email, primary: true, verified: account.verified }]
      : { id: account.id, login: "octocat", name: "Octo Cat", email: null, avatar_url: "https://example.com/octo.png" };
  });
}

class CookieJar {
  private cookies = new Map<string, string>();
  store(response: Response | AppResponse) {
    const headers = response instanceof Response ? response.headers : response.headers;
    for (const cookie of headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (/max-age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Runs the whole browser dance and answers the final response of /api/oauth/complete. */
async function signInWith(provider: string): Promise<{ start: AppResponse; callback?: AppResponse; complete?: AppResponse; jar: CookieJar }> {
  const jar = new CookieJar();
  const start = await api.get(`/api/auth/oauth/${provider}`);
  if (start.status !== 302) return { start, jar };
  jar.store(start);
  return followProvider(start, jar);
}

/** From our start redirect through the provider and Auth.js's callback to where it sends the client. */
async function followProvider(start: AppResponse | { headers: Headers }, jar: CookieJar) {
  const authorize = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const back = new URL(authorize.headers.get("location")!);
  const callback = await api.get(`${back.pathname}${back.search}`, { headers: { cookie: jar.header() } });
  jar.store(callback);
  const next = new URL(callback.headers.get("location") ?? "/", "http://localhost:3000");
  if (next.pathname !== "/api/oauth/complete") return { start: start as AppResponse, callback, jar };
  const complete = await api.get(`${next.pathname}${next.search}`, { headers: { cookie: jar.header() } });
  jar.store(complete);
  return { start: start as AppResponse, callback, complete, jar };
}

/** A browser sign-in: the same start as the login page's button, ending on a portal page. */
async function browserSignInWith(provider: string) {
  const jar = new CookieJar();
  const { location, setCookies } = await startSocialSignIn({
    request: new Request("http://localhost:3000/login"),
    provider,
    callbackPath: "/settings/profile",
  });
  const headers = new Headers({ location });
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  jar.store(new Response(null, { headers }));
  return followProvider({ headers }, jar);
}

type TokenAnswer = { success: boolean; user: { id: string; email: string }; accessToken: string; data: { tokens: { refreshToken: string } } };

describe("GET /api/auth/oauth/{provider}", () => {
  it("redirects to the provider with state and PKCE, and ends with API tokens as JSON (GitHub)", async () => {
    const email = uniqueEmail("octo");
    actAsGitHub({ id: 4242, email, verified: true });
    const { start, complete, jar } = await signInWith("github");

    const authorizeUrl = new URL(start.headers.get("location")!);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${oauth.url}/authorize`);
    expect(authorizeUrl.searchParams.get("client_id")).toBe("github-client");
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/github");

    expect(complete?.status).toBe(200);
    const body = complete!.body as unknown as TokenAnswer;
    expect(body).toMatchObject({ success: true, user: { email } });
    expect(body.data.tokens.refreshToken).toMatch(/^[0-9a-f]{64}$/);

    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true, sessions: true } });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.accounts).toMatchObject([{ provider: "github", providerAccountId: "4242" }]);
    expect(user.accounts[0]!.access_token).toBeNull();
    const live = user.sessions.filter((s) => s.revokedAt === null);
    expect(live).toMatchObject([{ kind: "API", method: "github" }]);

    const me = await api.get("/api/integrations", { token: body.accessToken });
    expect(me.status).toBe(200);

    // The browser session was traded once: replaying the cookie gets nothing.
    const again = await api.get("/api/oauth/complete", { headers: { cookie: jar.header() } });
    expect(again.status).toBe(401);
  });

  it("signs in through Google's OIDC flow (discovery, signed id token) and links a verified email", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    oauth.server.service.on("beforeTokenSigning", (token) => {
      if (token.payload.aud === "google-client") Object.assign(token.payload, { sub: "google-77", email: user.email, email_verified: true, name: "Test User" });
    });
    const { complete } = await signInWith("google");
    expect(complete?.status).toBe(200);
    expect((complete!.body as unknown as TokenAnswer).user.id).toBe(user.id);
    expect(await prisma.account.count({ where: { userId: user.id, provider: "google", providerAccountId: "google-77" } })).toBe(1);
  });

  it("does not link an existing account on an unverified GitHub email", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    actAsGitHub({ id: 5151, email: user.email, verified: false });
    const { callback, complete } = await signInWith("github");
    expect(complete).toBeUndefined();
    expect(callback?.status).toBe(302);
    expect(callback?.headers.get("location")).not.toContain("/api/oauth/complete");
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers the 2FA challenge instead of tokens when the account has a second factor", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP"), enabledAt: new Date() } });
    actAsGitHub({ id: 6161, email: user.email, verified: true });
    const { complete } = await signInWith("github");
    expect(complete?.status).toBe(200);
    expect(complete?.body).toMatchObject({ requires2FA: true, tempToken: expect.any(String) });
    expect(complete?.body).not.toHaveProperty("accessToken");
    // The provider proved one factor: no session of any kind exists yet.
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never gives a browser a session for an account with 2FA: the login page asks for the code", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), enabledAt: new Date() } });
    actAsGitHub({ id: 7171, email: user.email, verified: true });
    const { callback, jar } = await browserSignInWith("github");
    expect(callback?.status).toBe(302);
    const location = new URL(callback!.headers.get("location")!, "http://localhost:3000");
    expect(location.pathname).toBe("/login");
    const tempToken = /^#challenge=([0-9a-f]{64})$/.exec(location.hash)?.[1];
    expect(tempToken).toBeDefined();
    expect(jar.header()).not.toMatch(/authjs\.session-token/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // The challenge is the ordinary second step: a TOTP code completes it.
    const { generateTotpCode } = await import("@/lib/services/two-factor/totp");
    const verified = await api.post("/api/auth/2fa/verify", { tempToken, token: generateTotpCode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") });
    expect(verified.status).toBe(200);
  });

  it("still gives a browser its session when the account has no 2FA", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    actAsGitHub({ id: 8181, email: user.email, verified: true });
    const { callback, jar } = await browserSignInWith("github");
    expect(new URL(callback!.headers.get("location")!, "http://localhost:3000").pathname).toBe("/settings/profile");
    expect(jar.header()).toMatch(/authjs\.session-token/);
    expect(await prisma.session.count({ where: { userId: user.id, kind: "BROWSER", revokedAt: null } })).toBe(1);
  });

  it("answers 404 for an unknown provider and 503 for an unconfigured one", async () => {
    const unknown = await api.get("/api/auth/oauth/myspace");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, error: "NOT_FOUND" });
    delete process.env.AUTH_GOOGLE_SECRET;
    resetEnv();
    const unconfigured = await api.get("/api/auth/oauth/google");
    expect(unconfigured.status).toBe(503);
    expect(unconfigured.body).toMatchObject({ success: false, statusCode: 503, error: "PROVIDER_NOT_CONFIGURED" });
  });

  it("answers 401 at the end of the flow without a fresh social browser session", async () => {
    const res = await api.get("/api/oauth/complete");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: "UNAUTHORIZED" });
  });
});
