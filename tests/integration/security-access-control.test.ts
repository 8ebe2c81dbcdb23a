import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { createSession } from "@/lib/services/sessions/create-session";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { fillPath, label, PROTECTED_OPERATIONS } from "./security-helpers";

/**
 * Security suite, access control: two users. Every route that takes an id or an email in
 * its path (enumerated from the OpenAPI operations), called by B with A's id or email,
 * answers 403/404 and nothing of A's in the body, and A's data is unchanged. The settings
 * server actions that take an id do the same. `x-middleware-subrequest` changes nothing.
 */
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/auth", () => ({ signOut: vi.fn(async () => undefined) }));

const ID_ROUTES = PROTECTED_OPERATIONS.filter((o) => /\{(id|email|key)\}/.test(o.path));

async function victim() {
  const { user } = await createUser({ firstName: "Alice", lastName: "Victim", company: "VictimCorp", jobTitle: "Treasurer", phone: "+33611111111" });
  const signedIn = await signInApi(user);
  await prisma.integrationConnection.create({
    data: { userId: user.id, integrationId: "calendar", accessTokenEncrypted: encryptSecret("victim-provider-token"), externalAccount: "alice@calendar" },
  });
  return { user, ...signedIn };
}

/** A's strings that must never appear in an answer to B. */
function secretsOf(a: Awaited<ReturnType<typeof victim>>): string[] {
  return [a.user.id, a.user.email, "Alice", "Victim", "VictimCorp", "Treasurer", "+33611111111", a.sessionId, "alice@calendar"];
}

async function snapshot(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const sessions = await prisma.session.findMany({ where: { userId }, orderBy: { id: "asc" } });
  const integrations = await prisma.integrationConnection.findMany({ where: { userId } });
  const { updatedAt: _u, ...userRow } = user;
  return { userRow, sessions: sessions.map(({ lastSeenAt: _l, ...s }) => s), integrations };
}

describe("access control matrix: user B on user A's ids and email", () => {
  it("finds the routes that take an id or an email", () => {
    expect(ID_ROUTES.map(label)).toEqual(expect.arrayContaining(["DELETE /api/sessions/{id}", "GET /api/users/profile/{email}", "GET /api/auth/status/{email}"]));
  });

  it.each(ID_ROUTES.map((o) => [label(o), o] as const))("%s answers 403/404 to B with A's values, leaking nothing", async (_name, operation) => {
    const a = await victim();
    const { user: b } = await createUser();
    const bTokens = await signInApi(b);
    const before = await snapshot(a.user.id);
    const path = fillPath(operation, { id: operation.path.startsWith("/api/sessions") ? a.sessionId : "calendar", email: a.user.email });
    const body = operation.method === "get" || operation.method === "delete" ? undefined : { firstName: "Mallory", name: "Mallory" };
    const res = await api.request(operation.method.toUpperCase(), path, { token: bTokens.accessToken, json: body });
    if (operation.path.startsWith("/api/integrations/")) {
      // Integrations are named by provider and always the caller's own: B acts on B's (absent)
      // connection (here 4xx, or 503 where the provider has no credentials in the test env).
      expect(res.status, res.text).not.toBe(500);
      expect(res.status, res.text).not.toBe(200);
    } else {
      expect([403, 404], `${label(operation)}: ${res.status} ${res.text}`).toContain(res.status);
    }
    for (const secret of secretsOf(a)) expect(res.text, `${label(operation)} leaks ${secret}`).not.toContain(secret);
    expect(await snapshot(a.user.id)).toEqual(before);
    // A still works with A's token.
    expect((await api.get("/api/me", { token: a.accessToken })).status).toBe(200);
  });

  it("B cannot revoke A's session by id (API), nor read A's sessions or history in its own lists", async () => {
    const a = await victim();
    const { user: b } = await createUser();
    const bTokens = await signInApi(b);
    const revoke = await api.delete(`/api/sessions/${a.sessionId}`, undefined, { token: bTokens.accessToken });
    expect(revoke.status).toBe(404);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: a.sessionId } })).revokedAt).toBeNull();
    for (const path of ["/api/sessions", "/api/me/history", "/api/users/profile/login-history", "/api/integrations", "/api/me/export"]) {
      const res = await api.get(path, { token: bTokens.accessToken });
      expect(res.status, path).toBe(200);
      for (const secret of secretsOf(a)) expect(res.text, `${path} leaks ${secret}`).not.toContain(secret);
    }
  });

  it("settings server actions: B cannot revoke A's session or disconnect A's integration", async () => {
    const a = await victim();
    const { user: b } = await createUser();
    const { session } = await createSession({ userId: b.id, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
    const name = sessionCookieName(false);
    const cookie = await encode({ token: { sub: b.id, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
    requestHeaders = new Headers({ cookie: `${name}=${cookie}` });
    const before = await snapshot(a.user.id);
    const security = await import("@/app/settings/security/actions");
    const integrations = await import("@/app/settings/integrations/actions");
    const revoke = await security.revokeSessionAction({ sessionId: a.sessionId });
    expect(revoke.ok).toBe(false);
    const disconnect = await integrations.disconnectIntegrationAction({ integrationId: "calendar" });
    // B has no calendar connection: refused, and A's stays.
    expect(disconnect.ok).toBe(false);
    expect(JSON.stringify([revoke, disconnect])).not.toContain(a.user.email);
    expect(await snapshot(a.user.id)).toEqual(before);
  });

  it("x-middleware-subrequest gets no further than without it (API)", async () => {
    const a = await victim();
    const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    for (const path of ["/api/me", "/api/users/profile", "/api/sessions", `/api/users/profile/${encodeURIComponent(a.user.email)}`]) {
      const res = await api.get(path, { headers });
      expect(res.status, path).toBe(401);
      expect(res.text).not.toContain(a.user.email.split("@")[0]);
    }
    const withB = await api.get(`/api/users/profile/${encodeURIComponent(a.user.email)}`, { token: (await signInApi((await createUser()).user)).accessToken, headers });
    expect([403, 404]).toContain(withB.status);
  });
});
