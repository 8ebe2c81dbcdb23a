import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REAUTH_WINDOW_MS } from "@/lib/services/auth/recent-auth";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { ageSession, cookieHeaders, oidcAccessToken, personalToken, sessionCookie } from "../support/credentials";
import { createUser, DEFAULT_PASSWORD, signInApi } from "../support/fixtures";
import { enableWithApi, stepClock } from "./two-factor-helpers";

/**
 * Sudo mode over the API (`POST /api/auth/reauthenticate`) and in the server actions: a
 * session outside its 10-minute window is refused sensitive changes with REAUTH_REQUIRED
 * until it re-authenticates; routes whose body carries the password keep working, since
 * that password is the re-authentication.
 */

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/auth", () => ({ signOut: vi.fn(async () => undefined) }));

const security = await import("@/app/settings/security/actions");
const sudo = await import("@/app/settings/sudo/actions");
const developer = await import("@/app/settings/developer/actions");
const profile = await import("@/app/settings/profile/actions");

const STALE_MS = REAUTH_WINDOW_MS + 60_000;

beforeEach(() => {
  requestHeaders = new Headers();
});
afterEach(() => setClock(undefined));

/** A user signed in over the API more than 10 minutes ago. */
async function staleApiSession(options: Parameters<typeof createUser>[0] = {}) {
  const { user, password } = await createUser(options);
  const signedIn = await signInApi(user);
  await ageSession(signedIn.sessionId, STALE_MS);
  return { user, password, ...signedIn };
}

describe("POST /api/auth/reauthenticate", () => {
  it("with the password opens the sudo window: a stale session may then export its data, for 10 minutes", async () => {
    const { user, password, accessToken, sessionId } = await staleApiSession();
    const refused = await api.get("/api/me/export", { token: accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ success: false, error: "REAUTH_REQUIRED" });
    expect(refused.headers.get("www-authenticate")).toMatch(/insufficient_user_authentication/);

    const res = await api.post("/api/auth/reauthenticate", { password }, { token: accessToken });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ success: true, message: "Identité confirmée", data: { reauthenticatedAt: expect.any(String), sudoUntil: expect.any(String) } });
    const { data } = res.body as { data: { reauthenticatedAt: string; sudoUntil: string } };
    expect(new Date(data.sudoUntil).getTime() - new Date(data.reauthenticatedAt).getTime()).toBe(REAUTH_WINDOW_MS);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).reauthenticatedAt?.toISOString()).toBe(data.reauthenticatedAt);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "REAUTHENTICATED" } })).toBe(1);

    expect((await api.get("/api/me/export", { token: accessToken })).status).toBe(200);
    setClock(() => new Date(Date.now() + STALE_MS));
    expect((await api.get("/api/me/export", { token: accessToken })).body).toMatchObject({ error: "REAUTH_REQUIRED" });
  });

  it("refuses a wrong password (401) and leaves the session outside its window", async () => {
    const { accessToken, sessionId } = await staleApiSession();
    const res = await api.post("/api/auth/reauthenticate", { password: "Wrong-Passw0rd!" }, { token: accessToken, headers: { "accept-language": "en" } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, error: "INVALID_PASSWORD" });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).reauthenticatedAt).toBeNull();
    expect((await api.get("/api/me/export", { token: accessToken })).status).toBe(403);
  });

  it("with a TOTP or a backup code (accounts with 2FA); a wrong code is 401", async () => {
    const clock = stepClock();
    const { user } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    const { secret, backupCodes } = await enableWithApi(accessToken, clock);
    await ageSession(sessionId, STALE_MS);
    expect((await api.get("/api/me/export", { token: accessToken })).status).toBe(403);

    expect((await api.post("/api/auth/reauthenticate", { code: "000000" }, { token: accessToken })).body).toMatchObject({ error: "INVALID_2FA_CODE" });
    const totp = await api.post("/api/auth/reauthenticate", { code: clock.code(secret) }, { token: accessToken });
    expect(totp.status, totp.text).toBe(200);
    expect((await api.get("/api/me/export", { token: accessToken })).status).toBe(200);

    await ageSession(sessionId, STALE_MS);
    expect((await api.get("/api/me/export", { token: accessToken })).status).toBe(403);
    const backup = await api.post("/api/auth/reauthenticate", { code: backupCodes[0] }, { token: accessToken });
    expect(backup.status, backup.text).toBe(200);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).reauthenticatedAt).toEqual(clock.now());
  });

  it("works with the session cookie (same origin), and refuses bodies that are neither one proof nor the other", async () => {
    const { user } = await createUser();
    const { cookie, sessionId } = await sessionCookie(user.id);
    await ageSession(sessionId, STALE_MS);
    for (const body of [{}, { password: DEFAULT_PASSWORD, code: "123456" }, { token: "123456" }]) {
      expect((await api.post("/api/auth/reauthenticate", body, { headers: cookieHeaders(cookie) })).status).toBe(400);
    }
    const res = await api.post("/api/auth/reauthenticate", { password: DEFAULT_PASSWORD }, { headers: cookieHeaders(cookie) });
    expect(res.status, res.text).toBe(200);
    const crossSite = await api.post("/api/auth/reauthenticate", { password: DEFAULT_PASSWORD }, { headers: { cookie, origin: "https://evil.example" } });
    expect(crossSite.body).toMatchObject({ error: "CSRF_FAILED" });
  });

  it("is first-party only: a personal access token or an OAuth app's token gets 403, a refresh token as bearer 401", async () => {
    const { user, refreshToken } = await staleApiSession();
    const pat = await personalToken(user.id, ["profile", "email"]);
    const { token: oauth } = await oidcAccessToken(user.id, "openid profile email");
    for (const token of [pat, oauth]) {
      const res = await api.post("/api/auth/reauthenticate", { password: DEFAULT_PASSWORD }, { token });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    }
    const refresh = await api.post("/api/auth/reauthenticate", { password: DEFAULT_PASSWORD }, { token: refreshToken });
    expect(refresh.status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "REAUTHENTICATED" } })).toBe(0);
  });

  it("seed 000's body-less 2FA DELETE follows the sudo rule: refused when stale, accepted after re-authenticating", async () => {
    const clock = stepClock();
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    await enableWithApi(accessToken, clock);
    clock.advanceMs(STALE_MS);
    expect((await api.delete("/api/users/profile/2fa", undefined, { token: accessToken })).body).toMatchObject({ error: "REAUTH_REQUIRED" });
    expect((await api.post("/api/auth/reauthenticate", { password: DEFAULT_PASSWORD }, { token: accessToken })).status).toBe(200);
    const res = await api.delete("/api/users/profile/2fa", undefined, { token: accessToken });
    expect(res.status, res.text).toBe(200);
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the password in the body is the re-authentication (seed bodies unchanged, stale sessions)", () => {
  it("000 PUT /api/users/profile/password", async () => {
    const { password, accessToken } = await staleApiSession();
    const res = await api.put("/api/users/profile/password", { current_password: password, new_password: "N3w-Passphrase!" }, { token: accessToken });
    expect(res.status, res.text).toBe(200);
  });

  it("004 POST /api/auth/change-password", async () => {
    const { password, accessToken } = await staleApiSession();
    const res = await api.post("/api/auth/change-password", { currentPassword: password, newPassword: "N3w-Passphrase!" }, { token: accessToken });
    expect(res.status, res.text).toBe(200);
  });

  it("003 PUT /api/users/profile/{email} with a new password", async () => {
    const { user, password, accessToken } = await staleApiSession();
    const res = await api.put(`/api/users/profile/${encodeURIComponent(user.email)}`, { name: "Jane Doe", currentPassword: password, newPassword: "N3w-Passphrase!" }, { token: accessToken });
    expect(res.status, res.text).toBe(200);
  });

  it("003 and 004 account deletion with {password}", async () => {
    const a = await staleApiSession();
    const res003 = await api.delete(`/api/users/profile/${encodeURIComponent(a.user.email)}`, { password: a.password }, { token: a.accessToken });
    expect(res003.status, res003.text).toBe(200);
    const b = await staleApiSession();
    const res004 = await api.delete("/api/me", { password: b.password }, { token: b.accessToken });
    expect(res004.status, res004.text).toBe(200);
  });

  it("an account without a password (social sign-in only) deletes itself within the sudo window only", async () => {
    const a = await staleApiSession({ password: null });
    expect((await api.delete("/api/me", { password: "anything" }, { token: a.accessToken })).body).toMatchObject({ error: "REAUTH_REQUIRED" });
    const { accessToken } = await signInApi(a.user);
    expect((await api.delete("/api/me", { password: "anything" }, { token: accessToken })).status).toBe(200);
  });

  it("004 POST /api/auth/2fa/disable with a code", async () => {
    const clock = stepClock();
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const { secret } = await enableWithApi(accessToken, clock);
    clock.advanceMs(STALE_MS);
    const res = await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: accessToken });
    expect(res.status, res.text).toBe(200);
  });

  it("but a third-party token never changes the password, whatever its scope", async () => {
    const { user, password } = await createUser();
    const pat = await personalToken(user.id, ["profile", "email"]);
    const res = await api.put(`/api/users/profile/${encodeURIComponent(user.email)}`, { currentPassword: password, newPassword: "N3w-Passphrase!" }, { token: pat });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_scope"/);
  });
});

describe("server actions in sudo mode", () => {
  async function browser(userId: string, options: { stale?: boolean; language?: string } = {}) {
    const { cookie, sessionId } = await sessionCookie(userId);
    if (options.stale) await ageSession(sessionId, STALE_MS);
    requestHeaders = new Headers({ cookie, "accept-language": options.language ?? "fr" });
    return sessionId;
  }

  it("a sensitive action outside the window answers the REAUTH_REQUIRED result, then works after reauthenticateAction", async () => {
    const { user, password } = await createUser({ emailVerified: new Date() });
    await browser(user.id, { stale: true, language: "en" });
    const input = { name: "CI", scopes: ["profile"], expiry: "30" } as Parameters<typeof developer.createPersonalTokenAction>[0];
    expect(await developer.createPersonalTokenAction(input)).toEqual({ ok: false, error: "REAUTH_REQUIRED", message: "Sign in again to perform this action" });
    expect(await prisma.personalAccessToken.count({ where: { userId: user.id } })).toBe(0);

    expect(await sudo.reauthenticateAction({ password: "Wrong-Passw0rd!" })).toMatchObject({ ok: false, error: "INVALID_PASSWORD" });
    expect(await sudo.reauthenticateAction({ password })).toEqual({ ok: true });
    expect(await developer.createPersonalTokenAction(input)).toMatchObject({ ok: true, token: expect.stringMatching(/^pat_/) });
  });

  it("in French by default; starting 2FA set-up and a new sign-in email are refused the same way, other profile fields are not", async () => {
    const { user } = await createUser();
    await browser(user.id, { stale: true });
    const reauth = { ok: false, error: "REAUTH_REQUIRED", message: "Reconnectez-vous pour effectuer cette action" };
    expect(await security.startTwoFactorAction()).toEqual(reauth);
    const form = { firstName: "Ada", lastName: "L", email: user.email, jobTitle: "", company: "", phone: "", location: "", bio: "" };
    expect(await profile.updateProfileAction({ ...form, email: "someone.else@example.com" })).toEqual(reauth);
    expect(await prisma.verification.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
    expect(await profile.updateProfileAction(form)).toMatchObject({ ok: true, emailChangeRequested: false });
  });

  it("actions whose input carries the password or a code work from a stale session", async () => {
    const { user, password } = await createUser();
    await browser(user.id, { stale: true });
    expect(await security.changePasswordAction({ currentPassword: password, newPassword: "N3w-Passphrase!" })).toEqual({ ok: true });
    expect(await security.deleteAccountAction({ password: "N3w-Passphrase!" })).toEqual({ ok: true, redirectTo: "/login?signedOut=1&deleted=1" });
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("server actions take the session cookie only: an API access token in Authorization is not a browser", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    requestHeaders = new Headers({ authorization: `Bearer ${accessToken}` });
    await expect(security.revokeOtherSessionsAction()).rejects.toMatchObject({ digest: expect.stringContaining("/login?callbackUrl=") });
  });
});
