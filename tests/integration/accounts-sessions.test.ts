import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { createSession } from "@/lib/services/sessions/create-session";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";

afterEach(() => setClock(undefined));

type Tokens = { accessToken: string; refreshToken: string };
type SessionsBody = { success: boolean; data: { sessions: { id: string; isCurrent: boolean }[] } };

async function loginTokens(email: string, password: string, headers: Record<string, string> = {}): Promise<Tokens> {
  const res = await api.post<{ data: { tokens: Tokens } }>("/api/auth/login", { email, password }, { headers });
  expect(res.status).toBe(200);
  return res.body.data.tokens;
}

describe("POST /api/auth/refresh (004)", () => {
  it("answers a new access token and keeps the refresh token valid", async () => {
    const { user, password } = await createUser();
    const { refreshToken } = await loginTokens(user.email, password);
    for (let i = 0; i < 2; i++) {
      const res = await api.post<{ success: boolean; data: { accessToken: string } }>("/api/auth/refresh", { refreshToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, data: { accessToken: expect.any(String) } });
      expect((await api.get("/api/sessions", { token: res.body.data.accessToken })).status).toBe(200);
    }
  });

  it("refuses unknown, missing and expired refresh tokens", async () => {
    const unknown = await api.post("/api/auth/refresh", { refreshToken: "0".repeat(64) });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ success: false, statusCode: 401, error: "INVALID_REFRESH_TOKEN" });
    const missing = await api.post("/api/auth/refresh", {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ details: { refreshToken: "Ce champ est requis" } });
    const { user, password } = await createUser();
    const start = new Date("2034-01-01T00:00:00Z");
    setClock(() => start);
    const { refreshToken } = await loginTokens(user.email, password);
    setClock(() => new Date(start.getTime() + 7 * 24 * 60 * 60 * 1000 + 1000));
    expect((await api.post("/api/auth/refresh", { refreshToken })).status).toBe(401);
  });

  it("the access token expires after 15 minutes; refreshing gives a fresh one", async () => {
    const { user, password } = await createUser();
    const start = new Date("2034-02-01T00:00:00Z");
    setClock(() => start);
    const { accessToken, refreshToken } = await loginTokens(user.email, password);
    setClock(() => new Date(start.getTime() + 16 * 60 * 1000));
    expect((await api.get("/api/sessions", { token: accessToken })).status).toBe(401);
    const res = await api.post<{ data: { accessToken: string } }>("/api/auth/refresh", { refreshToken });
    expect((await api.get("/api/sessions", { token: res.body.data.accessToken })).status).toBe(200);
  });
});

describe("POST /api/auth/logout", () => {
  it("004: bearer + {refreshToken} revokes the session: both tokens refused at once", async () => {
    const { user, password } = await createUser();
    const { accessToken, refreshToken } = await loginTokens(user.email, password);
    const res = await api.post("/api/auth/logout", { refreshToken }, { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Déconnexion réussie" });
    expect((await api.get("/api/sessions", { token: accessToken })).status).toBe(401);
    expect((await api.post("/api/auth/refresh", { refreshToken })).status).toBe(401);
  });

  it("with only a refresh token (access token expired), still revokes that session", async () => {
    const { user, password } = await createUser();
    const { refreshToken } = await loginTokens(user.email, password);
    expect((await api.post("/api/auth/logout", { refreshToken }, { token: "expired.or.garbage" })).status).toBe(200);
    expect((await api.post("/api/auth/refresh", { refreshToken })).status).toBe(401);
  });

  it("003: {email} of the caller signs out the caller; another email is 403 and touches nothing", async () => {
    const { user, password } = await createUser();
    const { user: victim, password: victimPassword } = await createUser();
    const victimTokens = await loginTokens(victim.email, victimPassword);
    const mine = await loginTokens(user.email, password);

    const other = await api.post("/api/auth/logout", { email: victim.email }, { token: mine.accessToken });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ success: false, statusCode: 403, error: "FORBIDDEN" });
    expect((await api.get("/api/sessions", { token: mine.accessToken })).status).toBe(200);

    // Anonymous {email}: success, and the named account keeps its sessions.
    const anonymous = await api.post("/api/auth/logout", { email: victim.email });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ success: true, message: "Déconnexion réussie" });
    expect((await api.get("/api/sessions", { token: victimTokens.accessToken })).status).toBe(200);

    const own = await api.post("/api/auth/logout", { email: user.email.toUpperCase() }, { token: mine.accessToken });
    expect(own.status).toBe(200);
    expect((await api.get("/api/sessions", { token: mine.accessToken })).status).toBe(401);
  });

  it("never revokes another user's session from a refresh token presented by a signed-in caller", async () => {
    const { user } = await createUser();
    const { user: other } = await createUser();
    const mine = await signInApi(user);
    const theirs = await signInApi(other);
    expect((await api.post("/api/auth/logout", { refreshToken: theirs.refreshToken }, { token: mine.accessToken })).status).toBe(200);
    expect((await api.post("/api/auth/refresh", { refreshToken: theirs.refreshToken })).status).toBe(200);
  });
});

describe("sessions (004)", () => {
  it("GET /api/sessions lists live sessions with 004's fields and marks the current one", async () => {
    const { user, password } = await createUser();
    const a = await loginTokens(user.email, password, { "user-agent": "Mozilla/5.0 (Macintosh)", "x-forwarded-for": "192.0.2.1" });
    await loginTokens(user.email, password);
    const res = await api.get<SessionsBody>("/api/sessions", { token: a.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.data.sessions).toHaveLength(2);
    const current = res.body.data.sessions.find((s) => s.isCurrent);
    expect(current).toEqual({
      id: expect.any(String),
      userAgent: "Mozilla/5.0 (Macintosh)",
      ipAddress: "192.0.2.1",
      createdAt: expect.stringMatching(/Z$/),
      expiresAt: expect.stringMatching(/Z$/),
      isCurrent: true,
    });
    expect(res.body.data.sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    expect((await api.get("/api/sessions")).status).toBe(401);
  });

  it("DELETE /api/sessions/:id revokes one of mine; another user's session is 404 and stays alive", async () => {
    const { user } = await createUser();
    const { user: other } = await createUser();
    const mine = await signInApi(user);
    const second = await signInApi(user);
    const theirs = await signInApi(other);
    const res = await api.delete(`/api/sessions/${second.sessionId}`, undefined, { token: mine.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Session révoquée avec succès" });
    expect((await api.get("/api/sessions", { token: second.accessToken })).status).toBe(401);
    expect((await api.post("/api/auth/refresh", { refreshToken: second.refreshToken })).status).toBe(401);

    const foreign = await api.delete(`/api/sessions/${theirs.sessionId}`, undefined, { token: mine.accessToken });
    expect(foreign.status).toBe(404);
    expect((await api.get("/api/sessions", { token: theirs.accessToken })).status).toBe(200);
    expect((await api.delete(`/api/sessions/${second.sessionId}`, undefined, { token: mine.accessToken })).status).toBe(404);
    expect((await api.delete("/api/sessions/1", undefined, { token: mine.accessToken })).status).toBe(404);
  });

  it("DELETE /api/sessions/others/revoke keeps the caller's session only", async () => {
    const { user } = await createUser();
    const { user: other } = await createUser();
    const mine = await signInApi(user);
    const b = await signInApi(user);
    const c = await signInApi(user);
    const theirs = await signInApi(other);
    const res = await api.delete("/api/sessions/others/revoke", { currentSessionId: mine.sessionId }, { token: mine.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Toutes les autres sessions ont été révoquées" });
    for (const s of [b, c]) expect((await api.get("/api/sessions", { token: s.accessToken })).status).toBe(401);
    expect((await api.get("/api/sessions", { token: mine.accessToken })).status).toBe(200);
    expect((await api.get("/api/sessions", { token: theirs.accessToken })).status).toBe(200);
    // The documented numeric id, or none at all, is accepted too.
    const d = await signInApi(user);
    expect((await api.delete("/api/sessions/others/revoke", { currentSessionId: 1 }, { token: mine.accessToken })).status).toBe(200);
    expect((await api.get("/api/sessions", { token: d.accessToken })).status).toBe(401);
    expect((await api.delete("/api/sessions/others/revoke", undefined, { token: mine.accessToken })).status).toBe(200);
    expect((await api.delete("/api/sessions/others/revoke", { currentSessionId: true }, { token: mine.accessToken })).status).toBe(400);
  });
});

describe("GET /api/me/history (004)", () => {
  it("pages the caller's sign-in attempts, newest first, with 004's fields", async () => {
    const { user, password } = await createUser();
    const base = new Date("2035-01-01T00:00:00Z").getTime();
    let tokens: Tokens | undefined;
    for (let i = 0; i < 4; i++) {
      setClock(() => new Date(base + i * 60_000));
      if (i === 1) await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" }, { headers: { "user-agent": "curl/8" } });
      else tokens = await loginTokens(user.email, password, { "user-agent": "curl/8", "x-forwarded-for": "192.0.2.9" });
    }
    const { user: other, password: otherPassword } = await createUser();
    await loginTokens(other.email, otherPassword);
    const res = await api.get<{ success: boolean; data: { history: Record<string, unknown>[]; total: number; limit: number; offset: number } }>(
      "/api/me/history?limit=2&offset=0",
      { token: tokens!.accessToken },
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(res.body.data.history).toEqual([
      { id: expect.any(String), ipAddress: "192.0.2.9", userAgent: "curl/8", success: true, createdAt: new Date(base + 3 * 60_000).toISOString() },
      { id: expect.any(String), ipAddress: "192.0.2.9", userAgent: "curl/8", success: true, createdAt: new Date(base + 2 * 60_000).toISOString() },
    ]);
    const page2 = await api.get<{ data: { history: { success: boolean }[] } }>("/api/me/history?limit=2&offset=2", { token: tokens!.accessToken });
    expect(page2.body.data.history.map((h) => h.success)).toEqual([false, true]);
    const defaults = await api.get<{ data: { limit: number; offset: number } }>("/api/me/history", { token: tokens!.accessToken });
    expect(defaults.body.data).toMatchObject({ limit: 50, offset: 0 });
    const bad = await api.get("/api/me/history?limit=abc&offset=-1", { token: tokens!.accessToken });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details as object).sort()).toEqual(["limit", "offset"]);
    expect((await api.get("/api/me/history")).status).toBe(401);
  });
});

describe("GET /api/auth/status/:email (003)", () => {
  it("answers the caller's own status and never another user's", async () => {
    const { user, password } = await createUser({ emailVerified: new Date() });
    const { user: other } = await createUser();
    const { accessToken } = await loginTokens(user.email, password);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const res = await api.get(`/api/auth/status/${encodeURIComponent(user.email)}`, { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      user: { email: user.email, is_active: true, email_verified: true, last_login: stored.lastLoginAt!.toISOString() },
    });
    const foreign = await api.get(`/api/auth/status/${encodeURIComponent(other.email)}`, { token: accessToken });
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.body)).not.toContain(other.email);
    const nobody = await api.get(`/api/auth/status/nobody%40example.com`, { token: accessToken });
    expect(nobody.status).toBe(403);
    expect(nobody.body).toEqual(foreign.body);
    expect((await api.get(`/api/auth/status/${encodeURIComponent(user.email)}`)).status).toBe(401);
  });
});

describe("browser callers (Auth.js session cookie)", () => {
  async function browserCookie(userId: string) {
    const { session } = await createSession({ userId, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
    const name = sessionCookieName(false);
    const value = await encode({ token: { sub: userId, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
    return { sessionId: session.id, cookie: `${name}=${value}` };
  }

  it("lists sessions and answers 003 status from the cookie; logout needs the portal's origin", async () => {
    const { user } = await createUser();
    const { sessionId, cookie } = await browserCookie(user.id);
    const sessions = await api.get<SessionsBody>("/api/sessions", { headers: { cookie } });
    expect(sessions.status).toBe(200);
    expect(sessions.body.data.sessions.find((s) => s.isCurrent)?.id).toBe(sessionId);
    expect((await api.get(`/api/auth/status/${user.email}`, { headers: { cookie } })).status).toBe(200);

    const foreign = await api.post("/api/auth/logout", { email: user.email }, { headers: { cookie, origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: "CSRF_FAILED" });
    expect((await api.get("/api/sessions", { headers: { cookie } })).status).toBe(200);

    const own = await api.post("/api/auth/logout", { email: user.email }, { headers: { cookie, origin: "http://localhost:3000" } });
    expect(own.status).toBe(200);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect((await api.get("/api/sessions", { headers: { cookie } })).status).toBe(401);
  });
});
