import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { env, resetEnv } from "@/lib/core/env";
import { createSession } from "@/lib/services/sessions/create-session";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { createUser, latestEmail, signInApi, uniqueEmail } from "../support/fixtures";
import { stepClock } from "./two-factor-helpers";

// Server actions read the request through next/headers; here each test says who is calling.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const signOut = vi.fn(async () => undefined);
vi.mock("@/lib/auth/auth", () => ({ signOut: (...args: unknown[]) => signOut(...(args as [])) }));

const profile = await import("@/app/settings/profile/actions");
const security = await import("@/app/settings/security/actions");
const notifications = await import("@/app/settings/notifications/actions");
const integrations = await import("@/app/settings/integrations/actions");

/** A browser session for the user, as Auth.js would carry it: the encrypted JWT naming the Session row. */
async function signInBrowser(userId: string, language = "fr") {
  const { session } = await createSession({ userId, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(false);
  const token = await encode({ token: { sub: userId, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
  requestHeaders = new Headers({ cookie: `${name}=${token}`, "accept-language": language, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36" });
  return session;
}

beforeEach(() => {
  requestHeaders = new Headers();
  signOut.mockClear();
});

afterEach(() => setClock(undefined));

describe("settings server actions", () => {
  it("send a signed-out visitor to the login page and back", async () => {
    await expect(security.revokeOtherSessionsAction()).rejects.toMatchObject({
      digest: expect.stringContaining("/login?callbackUrl=%2Fsettings%2Fsecurity"),
    });
    await expect(notifications.updateNotificationPreferenceAction({ email: { newMessages: false } })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });

  it("refuse a revoked browser session at once", async () => {
    const { user } = await createUser();
    const session = await signInBrowser(user.id);
    await prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await expect(profile.removeAvatarAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  describe("profile", () => {
    it("saves the fields and answers validation errors on the field, in the page's language", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id, "en");
      const base = { firstName: "Ada", lastName: "Lovelace", email: user.email, jobTitle: "Engineer", company: "Analytical", phone: "+33612345678", location: "London", bio: "" };

      const saved = await profile.updateProfileAction(base);
      expect(saved).toEqual({ ok: true, emailChangeRequested: false, pendingEmail: null });
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row).toMatchObject({ firstName: "Ada", lastName: "Lovelace", name: "Ada Lovelace", jobTitle: "Engineer", company: "Analytical", phone: "+33612345678", location: "London", bio: null });

      const refused = await profile.updateProfileAction({ ...base, phone: "call me" });
      expect(refused).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { phone: "Invalid phone number" } });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe("+33612345678");
    });

    it("only requests an email change: a link goes to the new address, the sign-in address stays", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id);
      const newEmail = uniqueEmail("new");
      const result = await profile.updateProfileAction({ firstName: "A", lastName: "B", email: newEmail, jobTitle: "", company: "", phone: "", location: "", bio: "" });
      expect(result).toEqual({ ok: true, emailChangeRequested: true, pendingEmail: newEmail });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
      expect(await latestEmail(newEmail)).toBeDefined();
    });

    it("cancels the pending address with the profile's Cancel button: its link stops working", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id);
      const newEmail = uniqueEmail("pending");
      await profile.updateProfileAction({ firstName: "A", lastName: "B", email: newEmail, jobTitle: "", company: "", phone: "", location: "", bio: "" });
      expect(await prisma.verification.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE", usedAt: null } })).toBe(1);
      expect(await profile.cancelEmailChangeAction()).toEqual({ ok: true });
      expect(await prisma.verification.count({ where: { userId: user.id, purpose: { in: ["EMAIL_CHANGE", "EMAIL_CHANGE_CANCEL"] }, usedAt: null } })).toBe(0);
    });

    it("refuses an address another account uses, as the API does (409's code and message)", async () => {
      const { user: other } = await createUser();
      const { user } = await createUser();
      await signInBrowser(user.id);
      const result = await profile.updateProfileAction({ firstName: "A", lastName: "B", email: other.email, jobTitle: "", company: "", phone: "", location: "", bio: "" });
      expect(result).toEqual({ ok: false, error: "EMAIL_ALREADY_EXISTS", message: "Cet email est déjà utilisé" });
    });
  });

  describe("password", () => {
    it("refuses a wrong current password and a weak new one, then changes it and signs out only the other sessions", async () => {
      const { user, password } = await createUser();
      const other = await signInApi(user);
      const current = await signInBrowser(user.id);

      expect(await security.changePasswordAction({ currentPassword: "wrong-Passw0rd", newPassword: "N3w-Passphrase!" })).toMatchObject({
        ok: false,
        error: "INVALID_PASSWORD",
        message: "Mot de passe actuel incorrect",
      });
      expect(await security.changePasswordAction({ currentPassword: password, newPassword: "Password1" })).toMatchObject({
        ok: false,
        error: "VALIDATION_ERROR",
        fieldErrors: { newPassword: "Ce mot de passe est trop courant" },
      });

      expect(await security.changePasswordAction({ currentPassword: password, newPassword: "N3w-Passphrase!" })).toEqual({ ok: true });
      const sessions = await prisma.session.findMany({ where: { userId: user.id } });
      expect(sessions.find((s) => s.id === current.id)?.revokedAt).toBeNull();
      expect(sessions.find((s) => s.id === other.sessionId)?.revokedAt).not.toBeNull();
    });

    it("revokes personal access tokens too when the form's checkbox is ticked", async () => {
      const { user, password } = await createUser({ emailVerified: new Date() });
      await signInBrowser(user.id);
      const { createPersonalToken } = await import("@/lib/services/personal-tokens/create-personal-token");
      const { record } = await createPersonalToken({ userId: user.id, name: "script", scopes: ["profile"], expiresInDays: null });
      expect(await security.changePasswordAction({ currentPassword: password, newPassword: password })).toMatchObject({
        ok: false,
        error: "VALIDATION_ERROR",
        fieldErrors: { newPassword: "Le nouveau mot de passe doit être différent de l'actuel" },
      });
      expect(await security.changePasswordAction({ currentPassword: password, newPassword: "N3w-Passphrase!", revokeTokensAndApps: true })).toEqual({ ok: true });
      expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } })).revokedAt).not.toBeNull();
    });
  });

  describe("two-factor", () => {
    it("enables in two steps (stays off after a wrong code), renews backup codes and disables, each with a code", async () => {
      const clock = stepClock();
      const { user } = await createUser();
      await signInBrowser(user.id);

      const setup = await security.startTwoFactorAction();
      if (!setup.ok) throw new Error(setup.message);
      expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
      expect(setup.secret).toMatch(/^[A-Z2-7]+=*$/);
      expect(setup.backupCodes).toHaveLength(8);

      const wrong = await security.confirmTwoFactorAction({ code: "000000" === clock.code(setup.secret) ? "111111" : "000000" });
      expect(wrong).toMatchObject({ ok: false, error: "INVALID_2FA_CODE" });
      expect((await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();

      expect(await security.confirmTwoFactorAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });
      expect((await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).not.toBeNull();

      const renewed = await security.regenerateBackupCodesAction({ code: setup.backupCodes[0]! });
      if (!renewed.ok) throw new Error(renewed.message);
      expect(renewed.backupCodes).toHaveLength(8);
      expect(renewed.backupCodes).not.toContain(setup.backupCodes[1]);

      // A code of the step already used is a replay; the next step's code works.
      expect(await security.disableTwoFactorAction({ code: clock.code(setup.secret) })).toMatchObject({ ok: false, error: "INVALID_2FA_CODE" });
      clock.advanceSteps(1);
      expect(await security.disableTwoFactorAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });
      expect(await prisma.twoFactor.findUnique({ where: { userId: user.id } })).toBeNull();
    });

    it("answers a malformed code as a field error", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id, "en");
      expect(await security.confirmTwoFactorAction({ code: "12ab" })).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { code: "Invalid code" } });
    });
  });

  describe("sessions", () => {
    it("revoke one of the caller's sessions, never someone else's, then all others but this one", async () => {
      const { user } = await createUser();
      const { user: stranger } = await createUser();
      const theirs = await signInApi(stranger);
      const mine = [await signInApi(user), await signInApi(user)];
      const current = await signInBrowser(user.id);

      expect(await security.revokeSessionAction({ sessionId: theirs.sessionId })).toMatchObject({ ok: false, error: "SESSION_NOT_FOUND" });
      expect((await prisma.session.findUniqueOrThrow({ where: { id: theirs.sessionId } })).revokedAt).toBeNull();

      expect(await security.revokeSessionAction({ sessionId: mine[0]!.sessionId })).toEqual({ ok: true });
      expect(await security.revokeOtherSessionsAction()).toEqual({ ok: true, count: 1 });
      const live = await prisma.session.findMany({ where: { userId: user.id, revokedAt: null } });
      expect(live.map((s) => s.id)).toEqual([current.id]);
    });
  });

  describe("account deletion", () => {
    it("keeps the account on a wrong password; with the right one deletes it and ends the browser session", async () => {
      const { user, password } = await createUser();
      await signInBrowser(user.id);
      expect(await security.deleteAccountAction({ password: "not-it" })).toMatchObject({ ok: false, error: "INVALID_PASSWORD" });
      expect(await prisma.user.findUnique({ where: { id: user.id } })).not.toBeNull();
      expect(signOut).not.toHaveBeenCalled();

      expect(await security.deleteAccountAction({ password })).toEqual({ ok: true, redirectTo: "/login?signedOut=1&deleted=1" });
      expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
      expect(signOut).toHaveBeenCalledWith({ redirect: false });
    });
  });

  describe("notifications", () => {
    it("saves one switch and keeps the others; refuses what the API refuses", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id);
      const result = await notifications.updateNotificationPreferenceAction({ push: { teamNotifications: false } });
      if (!result.ok) throw new Error(result.message);
      expect(result.preferences.push).toEqual({ newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: false });
      expect(result.preferences.email.marketingEmails).toBe(false);

      expect(await notifications.updateNotificationPreferenceAction({ push: { teamNotifications: "no" } })).toMatchObject({ ok: false, error: "VALIDATION_ERROR" });
      expect(await notifications.updateNotificationPreferenceAction({ sms: { newMessages: true } })).toMatchObject({ ok: false, error: "VALIDATION_ERROR" });
    });
  });

  describe("integrations", () => {
    afterEach(() => {
      delete process.env.INTEGRATION_CALENDAR_CLIENT_ID;
      delete process.env.INTEGRATION_CALENDAR_CLIENT_SECRET;
      resetEnv();
    });

    it("answer the provider's authorize URL when configured, a clear refusal otherwise", async () => {
      const { user } = await createUser();
      await signInBrowser(user.id);
      expect(await integrations.startIntegrationAction({ integrationId: "calendar" })).toMatchObject({ ok: false, error: "INTEGRATION_NOT_CONFIGURED" });
      expect(await integrations.startIntegrationAction({ integrationId: "nope" })).toMatchObject({ ok: false, error: "INTEGRATION_NOT_FOUND" });
      expect(await integrations.disconnectIntegrationAction({ integrationId: "slack" })).toMatchObject({ ok: false, error: "INTEGRATION_NOT_CONNECTED" });

      process.env.INTEGRATION_CALENDAR_CLIENT_ID = "client-id";
      process.env.INTEGRATION_CALENDAR_CLIENT_SECRET = "client-secret";
      resetEnv();
      const started = await integrations.startIntegrationAction({ integrationId: "calendar" });
      if (!started.ok) throw new Error(started.message);
      const url = new URL(started.authUrl);
      expect(url.searchParams.get("client_id")).toBe("client-id");
      expect(url.searchParams.get("state")).toMatch(/^[0-9a-f]{64}$/);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    });
  });
});
