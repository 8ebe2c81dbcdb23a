import { afterEach, describe, expect, it } from "vitest";
import { REAUTH_WINDOW_MS } from "@/lib/services/auth/recent-auth";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { cookieHeaders, oidcAccessToken, personalToken, sessionCookie } from "../support/credentials";
import { createUser, latestEmail, signInApi, uniqueEmail } from "../support/fixtures";

/**
 * Issue 15, item 1: the sign-in email is a credential, not profile data. A token limited to
 * `profile` (a personal access token, or an OAuth app's token granted `openid profile`) got
 * 200 on `PUT /api/users/profile {"email": "attacker@..."}`; the attacker then confirmed the
 * link and reset the password at the new address. Email changes are now first-party only and
 * need a recent re-authentication.
 */

afterEach(() => setClock(undefined));

const ELEVEN_MINUTES = REAUTH_WINDOW_MS + 60_000;

async function pendingEmailChanges(userId: string): Promise<number> {
  return prisma.verification.count({ where: { userId, purpose: "EMAIL_CHANGE", usedAt: null } });
}

async function expectNoChangeRequested(userId: string, attacker: string): Promise<void> {
  expect(await pendingEmailChanges(userId)).toBe(0);
  expect(await latestEmail(attacker)).toBeUndefined();
  expect(await prisma.auditEvent.count({ where: { userId, type: "EMAIL_CHANGE_REQUESTED" } })).toBe(0);
}

describe("changing the sign-in email (PUT /api/users/profile {email})", () => {
  it("a personal access token with only `profile` gets 403 insufficient_scope: no pending change, no email", async () => {
    const { user } = await createUser();
    const token = await personalToken(user.id, ["profile"]);
    const attacker = uniqueEmail("attacker");
    const res = await api.put("/api/users/profile", { email: attacker }, { token });
    expect(res.status, res.text).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_scope"/);
    await expectNoChangeRequested(user.id, attacker);
    // The token still does what `profile` allows: the other fields.
    const rename = await api.put("/api/users/profile", { first_name: "Still" }, { token });
    expect(rename.status, rename.text).toBe(200);
  });

  it("an OAuth app's token granted `openid profile` gets 403 insufficient_scope: no pending change, no email", async () => {
    const { user } = await createUser();
    const { token } = await oidcAccessToken(user.id, "openid profile");
    expect((await api.get("/api/auth/userinfo", { token })).status).toBe(200);
    const attacker = uniqueEmail("attacker");
    const res = await api.put("/api/users/profile", { email: attacker, first_name: "Mallory" }, { token });
    expect(res.status, res.text).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_scope"/);
    await expectNoChangeRequested(user.id, attacker);
    // Refused as a whole: the other field of the same body is not applied either.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("Test");
  });

  it("a first-party session signed in more than 10 minutes ago gets 403 REAUTH_REQUIRED (bearer and cookie)", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const { cookie } = await sessionCookie(user.id);
    const start = Date.now();
    setClock(() => new Date(start + ELEVEN_MINUTES));
    const attacker = uniqueEmail("attacker");

    const bearer = await api.put("/api/users/profile", { email: attacker }, { token: accessToken });
    expect(bearer.status, bearer.text).toBe(403);
    expect(bearer.body).toMatchObject({ error: "REAUTH_REQUIRED" });

    const browser = await api.put("/api/users/profile", { email: attacker }, { headers: cookieHeaders(cookie) });
    expect(browser.status, browser.text).toBe(403);
    expect(browser.body).toMatchObject({ error: "REAUTH_REQUIRED" });
    await expectNoChangeRequested(user.id, attacker);

    // Other fields need no re-authentication.
    expect((await api.put("/api/users/profile", { first_name: "Later" }, { token: accessToken })).status).toBe(200);
  });

  it("a fresh first-party session still requests the change, and a stale one after re-authenticating", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const wanted = uniqueEmail("new");
    const fresh = await api.put("/api/users/profile", { email: wanted }, { token: accessToken });
    expect(fresh.status, fresh.text).toBe(200);
    expect(await pendingEmailChanges(user.id)).toBe(1);
    expect(await latestEmail(wanted)).toBeDefined();

    const start = Date.now();
    setClock(() => new Date(start + ELEVEN_MINUTES));
    const other = uniqueEmail("other");
    expect((await api.put("/api/users/profile", { email: other }, { token: accessToken })).status).toBe(403);
    const reauth = await api.post("/api/auth/reauthenticate", { password }, { token: accessToken });
    expect(reauth.status, reauth.text).toBe(200);
    const again = await api.put("/api/users/profile", { email: other }, { token: accessToken });
    expect(again.status, again.text).toBe(200);
    expect(await latestEmail(other)).toBeDefined();
  });
});
