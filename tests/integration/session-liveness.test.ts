import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { getCaller } from "@/lib/auth/caller";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { listSessions } from "@/lib/services/sessions/list-sessions";
import { revokeOtherSessions } from "@/lib/services/sessions/revoke-other-sessions";
import { revokeSession } from "@/lib/services/sessions/revoke-session";
import { signOut } from "@/lib/services/sessions/sign-out";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { browserCookie } from "./security-helpers";

// Pages read the request through next/headers: each test says which browser is asking.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("@/lib/auth/auth", () => ({ configuredSocialProviders: () => [], signIn: vi.fn(), signOut: vi.fn() }));

const { requireUser } = await import("@/lib/auth/require-user");
const { default: LoginPage } = await import("@/app/(auth)/login/page");

const HOUR = 60 * 60 * 1000;
const T0 = new Date("2030-01-01T08:00:00Z").getTime();
const at = (ms: number) => setClock(() => new Date(T0 + ms));

beforeEach(() => {
  requestHeaders = new Headers();
  at(0);
});
afterEach(() => setClock(undefined));

/** Where requireUser sends this browser: the redirect's URL (Next throws it as NEXT_REDIRECT). */
async function redirectOf(cookie: string): Promise<string> {
  requestHeaders = new Headers({ cookie, "x-portal-pathname": "/settings/security" });
  try {
    await requireUser();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    const url = digest.split(";").find((part) => part.startsWith("/login"));
    if (url) return url;
    throw error;
  }
  throw new Error("requireUser let the browser in");
}

const callerWith = (cookie: string) => getCaller(new Request("http://localhost:3000/api/me", { headers: { cookie } }));

describe("idle limit (issue 15, sessions): 24 h without use ends a session, whatever its 7-day limit", () => {
  it("a browser cookie: kept alive by use, ended after 24 h idle, and the login page says why", async () => {
    const { user } = await createUser();
    const browser = await browserCookie(user);
    at(23 * HOUR);
    expect((await callerWith(browser.cookie))?.session.id).toBe(browser.sessionId);
    // 46 h after sign-in but 23 h after the last use: still live.
    at(46 * HOUR);
    expect((await callerWith(browser.cookie))?.session.id).toBe(browser.sessionId);
    // 24 h and a minute after the last use: over.
    at(70 * HOUR + 60_000);
    expect(await callerWith(browser.cookie)).toBeNull();
    expect(await listSessions({ userId: user.id })).toHaveLength(0);
    expect(await redirectOf(browser.cookie)).toBe("/login?callbackUrl=%2Fsettings%2Fsecurity&reason=idle");
    // Ended for good, with its reason: a later, longer idle limit does not revive it.
    const row = await prisma.session.findUniqueOrThrow({ where: { id: browser.sessionId } });
    expect(row.revokedReason).toBe("idle");
    expect(row.revokedAt).not.toBeNull();
  });

  it("API access and refresh tokens: refused once the session is idle (SESSION_IDLE_TIMEOUT_HOURS)", async () => {
    process.env.SESSION_IDLE_TIMEOUT_HOURS = "0.1"; // 6 minutes, inside the access token's 15
    resetEnv();
    try {
      const { user } = await createUser();
      const tokens = await signInApi(user);
      at(5 * 60_000);
      expect((await api.get("/api/auth/me", { token: tokens.accessToken })).status).toBe(200);
      // 7 minutes after that use: the access token is still unexpired, the session is idle.
      at(12 * 60_000);
      expect((await api.get("/api/auth/me", { token: tokens.accessToken })).status).toBe(401);
      const refused = await api.post("/api/auth/refresh", { refreshToken: tokens.refreshToken });
      expect(refused.status).toBe(401);
      expect((await prisma.session.findUniqueOrThrow({ where: { id: tokens.sessionId } })).revokedReason).toBe("idle");

      // A refresh is use: refreshing every 5 minutes keeps a session going.
      const other = await signInApi(user);
      for (const minutes of [5, 10, 15, 20]) {
        at(12 * 60_000 + minutes * 60_000);
        expect((await api.post("/api/auth/refresh", { refreshToken: other.refreshToken })).status).toBe(200);
      }
    } finally {
      delete process.env.SESSION_IDLE_TIMEOUT_HOURS;
      resetEnv();
    }
  });
});

describe("a session ended elsewhere says so on its next page (issue 15, sessions)", () => {
  it("revoked from another device: /login?reason=revoked, and the page shows the notice (FR and EN) as a status", async () => {
    const { user } = await createUser();
    const laptop = await browserCookie(user);
    const phone = await browserCookie(user);
    await revokeSession({ userId: user.id, sessionId: laptop.sessionId, client: UNKNOWN_CLIENT });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: laptop.sessionId } })).revokedReason).toBe("revoked-elsewhere");
    const url = await redirectOf(laptop.cookie);
    expect(url).toBe("/login?callbackUrl=%2Fsettings%2Fsecurity&reason=revoked");

    for (const [language, text] of [
      ["fr", "Vous avez été déconnecté depuis un autre appareil."],
      ["en", "You were signed out from another device."],
    ] as const) {
      requestHeaders = new Headers({ cookie: laptop.cookie, "accept-language": language });
      const html = renderToStaticMarkup(await LoginPage({ searchParams: Promise.resolve({ callbackUrl: "/settings/security", reason: "revoked" }) }));
      expect(html).toContain(text);
      expect(html).toMatch(/<div role="status"[^>]*data-testid="session-ended"/);
    }
    // An unknown reason shows nothing (the parameter is no way to put text in the page).
    const html = renderToStaticMarkup(await LoginPage({ searchParams: Promise.resolve({ reason: "<b>pwned</b>" }) }));
    expect(html).not.toContain("session-ended");
    expect(html).not.toContain("pwned");

    // "Sign out everywhere else" tells the others the same; the device that asked stays in.
    const tablet = await browserCookie(user);
    await revokeOtherSessions({ userId: user.id, keepSessionId: phone.sessionId });
    expect(await redirectOf(tablet.cookie)).toMatch(/&reason=revoked$/);
    expect((await callerWith(phone.cookie))?.session.id).toBe(phone.sessionId);
  });

  it("signing out is no news to the browser that did it; a password change and an expired session are told as such", async () => {
    const { user } = await createUser();
    const own = await browserCookie(user);
    await signOut({ sessionId: own.sessionId });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: own.sessionId } })).revokedReason).toBe("signed-out");
    expect(await redirectOf(own.cookie)).toBe("/login?callbackUrl=%2Fsettings%2Fsecurity");

    const changed = await browserCookie(user);
    await prisma.session.update({ where: { id: changed.sessionId }, data: { revokedAt: new Date(T0), revokedReason: "password-changed" } });
    expect(await redirectOf(changed.cookie)).toMatch(/&reason=password$/);

    const old = await browserCookie(user);
    await prisma.session.update({ where: { id: old.sessionId }, data: { expiresAt: new Date(T0 + HOUR), lastSeenAt: new Date(T0 + HOUR) } });
    at(HOUR + 1);
    expect(await redirectOf(old.cookie)).toMatch(/&reason=expired$/);

    // No cookie at all: the plain login redirect.
    expect(await redirectOf("")).toBe("/login?callbackUrl=%2Fsettings%2Fsecurity");
  });
});

afterAll(() => setClock(undefined));
