import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OAuth2Server } from "oauth2-mock-server";
import { setClock } from "@/lib/core/clock";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { closedPortUrl, startOAuthServer, startSilentServer } from "../support/oauth-server";

let oauth: { server: OAuth2Server; url: string; stop: () => Promise<void> };
const CONFIGURED = ["CALENDAR", "SLACK"] as const;

function configure(id: string, base: string, overrides: Record<string, string> = {}) {
  process.env[`INTEGRATION_${id}_CLIENT_ID`] = `${id.toLowerCase()}-client`;
  process.env[`INTEGRATION_${id}_CLIENT_SECRET`] = `${id.toLowerCase()}-secret`;
  process.env[`INTEGRATION_${id}_AUTHORIZE_URL`] = `${base}/authorize`;
  process.env[`INTEGRATION_${id}_TOKEN_URL`] = overrides.TOKEN_URL ?? `${base}/token`;
  process.env[`INTEGRATION_${id}_REVOKE_URL`] = overrides.REVOKE_URL ?? `${base}/revoke`;
  resetEnv();
}

beforeAll(async () => {
  oauth = await startOAuthServer();
});

beforeEach(() => {
  for (const id of CONFIGURED) configure(id, oauth.url);
});

afterEach(() => {
  setClock(undefined);
  oauth.server.service.removeAllListeners();
  delete process.env.OAUTH_TIMEOUT_MS;
  resetEnv();
});

afterAll(async () => {
  for (const id of CONFIGURED) for (const key of ["CLIENT_ID", "CLIENT_SECRET", "AUTHORIZE_URL", "TOKEN_URL", "REVOKE_URL"]) delete process.env[`INTEGRATION_${id}_${key}`];
  resetEnv();
  await oauth.stop();
});

async function signedIn() {
  const { user } = await createUser();
  const { accessToken } = await signInApi(user);
  return { user, token: accessToken };
}

/** Follows the provider's authorize step as a browser would and reads the redirect back to us. */
async function authorize(authUrl: string): Promise<{ code: string; state: string; redirect: URL }> {
  const response = await fetch(authUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  const redirect = new URL(response.headers.get("location")!);
  return { code: redirect.searchParams.get("code")!, state: redirect.searchParams.get("state")!, redirect };
}

async function authUrlFor(token: string, id = "calendar"): Promise<URL> {
  const res = await api.get<{ authUrl: string }>(`/api/integrations/${id}/auth-url`, { token });
  expect(res.status).toBe(200);
  return new URL(res.body.authUrl);
}

describe("GET /api/integrations", () => {
  it("lists the catalogue with configured and connected flags", async () => {
    const { user, token } = await signedIn();
    await prisma.integrationConnection.create({
      data: { userId: user.id, integrationId: "slack", accessTokenEncrypted: "x", connectedAt: new Date("2026-01-02T03:04:05Z") },
    });
    const res = await api.get<Record<string, unknown>[]>("/api/integrations", { token });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.map((i) => [i.id, i]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(["calendar", "slack", "github"]));
    expect(byId.calendar).toMatchObject({ name: "Google Calendar", configured: true, connected: false, connected_at: null });
    expect(byId.slack).toMatchObject({ configured: true, connected: true, connected_at: "2026-01-02T03:04:05.000Z" });
    expect(byId.github).toMatchObject({ configured: false, connected: false });
    expect(typeof byId.calendar!.description).toBe("string");
    expect(Array.isArray(byId.calendar!.scopes)).toBe(true);
  });

  it("answers 401 without credentials", async () => {
    const res = await api.get("/api/integrations");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, error: "UNAUTHORIZED" });
  });
});

describe("GET /api/integrations/{id}/auth-url", () => {
  it("builds the authorize URL with a user-bound state and PKCE S256", async () => {
    const { user, token } = await signedIn();
    const url = await authUrlFor(token);
    expect(url.origin + url.pathname).toBe(`${oauth.url}/authorize`);
    expect(url.searchParams.get("client_id")).toBe("calendar-client");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/settings/integrations/callback");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = url.searchParams.get("state")!;
    expect(state).toMatch(/^[0-9a-f]{64}$/);
    const row = await prisma.verification.findFirst({ where: { purpose: "OAUTH_STATE", userId: user.id } });
    expect(row?.tokenHash).not.toBe(state);
    const ttl = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttl).toBe(10 * 60 * 1000);
    // The verifier is kept server-side, encrypted: never the challenge's preimage in clear.
    expect(JSON.stringify(row!.payload)).toMatch(/"codeVerifier":"v2\./);
  });

  it("sends no PKCE to a provider that does not take it, and joins Slack scopes with commas", async () => {
    const { token } = await signedIn();
    const url = await authUrlFor(token, "slack");
    expect(url.searchParams.has("code_challenge")).toBe(false);
    expect(url.searchParams.get("scope")).toBe("chat:write,channels:read,users:read");
  });

  it("answers 503 for an unconfigured integration and 404 for an unknown one", async () => {
    const { token } = await signedIn();
    const github = await api.get("/api/integrations/github/auth-url", { token });
    expect(github.status).toBe(503);
    expect(github.body).toMatchObject({ success: false, statusCode: 503, error: "INTEGRATION_NOT_CONFIGURED" });
    const unknown = await api.get("/api/integrations/nope/auth-url", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: "INTEGRATION_NOT_FOUND" });
  });
});

describe("POST /api/integrations/{id}/callback", () => {
  it("exchanges the code with PKCE and stores the tokens encrypted", async () => {
    const { user, token } = await signedIn();
    let issued: Record<string, unknown> = {};
    oauth.server.service.once("beforeResponse", (response) => {
      issued = response.body as Record<string, unknown>;
    });
    const { code, state, redirect } = await authorize((await authUrlFor(token)).toString());
    expect(redirect.pathname).toBe("/settings/integrations/callback");

    const res = await api.post("/api/integrations/calendar/callback", { code, state }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      integration_details: { id: "calendar", name: "Google Calendar", connected: true, account: "johndoe" },
    });
    expect(JSON.stringify(res.body)).not.toContain(String(issued.access_token));

    const row = await prisma.integrationConnection.findUniqueOrThrow({ where: { userId_integrationId: { userId: user.id, integrationId: "calendar" } } });
    expect(row.accessTokenEncrypted).not.toContain(String(issued.access_token));
    expect(decryptSecret(row.accessTokenEncrypted)).toBe(issued.access_token);
    expect(decryptSecret(row.refreshTokenEncrypted!)).toBe(issued.refresh_token);
    expect(row.expiresAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "INTEGRATION_CONNECTED" } })).toBe(1);

    const list = await api.get<{ id: string; connected: boolean }[]>("/api/integrations", { token });
    expect(list.body.find((i) => i.id === "calendar")?.connected).toBe(true);
  });

  it("refuses a replayed state, even two callbacks racing", async () => {
    const { token } = await signedIn();
    const { code, state } = await authorize((await authUrlFor(token)).toString());
    const [a, b] = await Promise.all([
      api.post("/api/integrations/calendar/callback", { code, state }, { token }),
      api.post("/api/integrations/calendar/callback", { code, state }, { token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a, b].find((r) => r.status === 400)?.body).toMatchObject({ error: "INVALID_STATE" });
    const again = await api.post("/api/integrations/calendar/callback", { code, state }, { token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ success: false, error: "INVALID_STATE" });
  });

  it("refuses a forged state, another user's state, a state for another integration and an expired one", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const forged = await api.post("/api/integrations/calendar/callback", { code: "abc", state: "f".repeat(64) }, { token: alice.token });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: "INVALID_STATE" });

    const alicesFlow = await authorize((await authUrlFor(alice.token)).toString());
    const stolen = await api.post("/api/integrations/calendar/callback", alicesFlow, { token: bob.token });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ error: "INVALID_STATE" });
    const otherIntegration = await api.post("/api/integrations/slack/callback", alicesFlow, { token: alice.token });
    expect(otherIntegration.body).toMatchObject({ error: "INVALID_STATE" });
    // Neither attempt burnt Alice's state.
    expect((await api.post("/api/integrations/calendar/callback", alicesFlow, { token: alice.token })).status).toBe(200);

    const late = await authorize((await authUrlFor(bob.token)).toString());
    const start = Date.now();
    setClock(() => new Date(start + 10 * 60 * 1000 + 1000));
    const expired = await api.post("/api/integrations/calendar/callback", late, { token: bob.token });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ error: "INVALID_STATE" });
    expect(await prisma.integrationConnection.count({ where: { userId: bob.user.id } })).toBe(0);
  });

  it("answers 400 OAUTH_EXCHANGE_FAILED when the provider refuses the code, and saves nothing", async () => {
    const { user, token } = await signedIn();
    const flow = await authorize((await authUrlFor(token)).toString());
    oauth.server.service.once("beforeResponse", (response) => {
      response.statusCode = 400;
      response.body = { error: "invalid_grant", error_description: "Code expired" };
    });
    const res = await api.post("/api/integrations/calendar/callback", flow, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, statusCode: 400, error: "OAUTH_EXCHANGE_FAILED", details: { provider_error: "invalid_grant" } });
    expect(await prisma.integrationConnection.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "INTEGRATION_CONNECTED" } })).toBe(0);
  });

  it("treats a wrong PKCE verifier (a code from another flow) as a refused exchange", async () => {
    const { token } = await signedIn();
    const first = await authorize((await authUrlFor(token)).toString());
    const second = await authorize((await authUrlFor(token)).toString());
    const res = await api.post("/api/integrations/calendar/callback", { code: first.code, state: second.state }, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "OAUTH_EXCHANGE_FAILED" });
  });

  it("reads Slack-style refusals answered with HTTP 200 and ok:false", async () => {
    const { user, token } = await signedIn();
    const flow = await authorize((await authUrlFor(token, "slack")).toString());
    oauth.server.service.once("beforeResponse", (response) => {
      response.statusCode = 200;
      response.body = { ok: false, error: "invalid_code" };
    });
    const res = await api.post("/api/integrations/slack/callback", flow, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "OAUTH_EXCHANGE_FAILED", details: { provider_error: "invalid_code" } });
    expect(await prisma.integrationConnection.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 400 OAUTH_ACCESS_DENIED when the user refused consent, and consumes the state", async () => {
    const { token } = await signedIn();
    const { state } = await authorize((await authUrlFor(token)).toString());
    const res = await api.post("/api/integrations/calendar/callback", { state, error: "access_denied" }, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "OAUTH_ACCESS_DENIED" });
    expect((await api.post("/api/integrations/calendar/callback", { state, code: "x" }, { token })).body).toMatchObject({ error: "INVALID_STATE" });
  });

  it("answers 502 PROVIDER_ERROR when the provider fails, is down or too slow", async () => {
    const { user, token } = await signedIn();
    const failing = await authorize((await authUrlFor(token)).toString());
    oauth.server.service.once("beforeResponse", (response) => {
      response.statusCode = 503;
      response.body = { error: "temporarily_unavailable" };
    });
    const fiveHundred = await api.post("/api/integrations/calendar/callback", failing, { token });
    expect(fiveHundred.status).toBe(502);
    expect(fiveHundred.body).toMatchObject({ success: false, statusCode: 502, error: "PROVIDER_ERROR" });

    configure("CALENDAR", oauth.url, { TOKEN_URL: `${await closedPortUrl()}/token` });
    const down = await api.post("/api/integrations/calendar/callback", await authorize((await authUrlFor(token)).toString()), { token });
    expect(down.status).toBe(502);

    const silent = await startSilentServer();
    try {
      process.env.OAUTH_TIMEOUT_MS = "300";
      configure("CALENDAR", oauth.url, { TOKEN_URL: `${silent.url}/token` });
      const started = Date.now();
      const slow = await api.post("/api/integrations/calendar/callback", await authorize((await authUrlFor(token)).toString()), { token });
      expect(slow.status).toBe(502);
      expect(slow.body).toMatchObject({ error: "PROVIDER_ERROR" });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await silent.stop();
    }
    expect(await prisma.integrationConnection.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 400 VALIDATION_ERROR for a body without state or code", async () => {
    const { token } = await signedIn();
    const res = await api.post("/api/integrations/calendar/callback", { code: "abc" }, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "VALIDATION_ERROR", details: { state: expect.any(String) } });
    const noCode = await api.post("/api/integrations/calendar/callback", { state: "a".repeat(64) }, { token });
    expect(noCode.body).toMatchObject({ error: "VALIDATION_ERROR", details: { code: "Ce champ est requis" } });
  });
});

describe("DELETE /api/integrations/{id}", () => {
  it("revokes the grant at the provider and deletes the tokens", async () => {
    const { user, token } = await signedIn();
    await api.post("/api/integrations/calendar/callback", await authorize((await authUrlFor(token)).toString()), { token });
    let revoked = 0;
    oauth.server.service.once("beforeRevoke", () => {
      revoked += 1;
    });
    const res = await api.delete("/api/integrations/calendar", undefined, { token, headers: { "accept-language": "en" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Integration disconnected successfully" });
    expect(revoked).toBe(1);
    expect(await prisma.integrationConnection.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "INTEGRATION_DISCONNECTED" } })).toBe(1);

    const again = await api.delete("/api/integrations/calendar", undefined, { token });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: "INTEGRATION_NOT_CONNECTED" });
  });

  it("still forgets the tokens when the provider's revocation fails", async () => {
    const { user, token } = await signedIn();
    await api.post("/api/integrations/calendar/callback", await authorize((await authUrlFor(token)).toString()), { token });
    configure("CALENDAR", oauth.url, { REVOKE_URL: `${await closedPortUrl()}/revoke` });
    const res = await api.delete("/api/integrations/calendar", undefined, { token });
    expect(res.status).toBe(200);
    expect(await prisma.integrationConnection.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 404 for an unknown integration", async () => {
    const { token } = await signedIn();
    const res = await api.delete("/api/integrations/nope", undefined, { token });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: "INTEGRATION_NOT_FOUND" });
  });
});
