import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/core/errors";
import { hasRecentAuthentication, REAUTH_WINDOW_MS } from "@/lib/services/auth/recent-auth";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { sessionCookie } from "../support/credentials";
import { createUser, signInApi, uniqueEmail } from "../support/fixtures";
import { stepClock } from "./two-factor-helpers";

// Server actions read the request through next/headers; here each test says who is calling.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/auth", () => ({ signOut: vi.fn(async () => undefined) }));

// The attempt limit lives inside the service (another part of issue 15); this switch stands
// in for it, to prove the action hands its refusal to the dialog as it is.
let limitReached = false;
vi.mock("@/lib/services/auth/reauthenticate", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/services/auth/reauthenticate")>();
  return {
    ...actual,
    reauthenticate: (...args: Parameters<typeof actual.reauthenticate>) =>
      limitReached ? Promise.reject(new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": "900" } })) : actual.reauthenticate(...args),
  };
});

const { reauthenticateAction } = await import("@/app/settings/sudo/actions");
const profile = await import("@/app/settings/profile/actions");
const security = await import("@/app/settings/security/actions");
const developer = await import("@/app/settings/developer/actions");

/** A browser session for the user, as Auth.js would carry it: the encrypted JWT naming the Session row. */
async function signInBrowser(userId: string, language = "fr") {
  const { cookie, sessionId } = await sessionCookie(userId);
  requestHeaders = new Headers({ cookie, "accept-language": language, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36" });
  return prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
}

/** Moves the clock past the sudo window of a session made now. */
function leaveSudoWindow(from = Date.now()) {
  const at = from + REAUTH_WINDOW_MS + 60_000;
  setClock(() => new Date(at));
  return at;
}

const profileInput = (email: string) => ({ firstName: "Ada", lastName: "Lovelace", email, jobTitle: "", company: "", phone: "", location: "", bio: "" });

beforeEach(() => {
  requestHeaders = new Headers();
  limitReached = false;
});

afterEach(() => {
  setClock(undefined);
  delete process.env.REAUTH_WINDOW_SECONDS;
  resetEnv();
});

describe("reauthenticateAction (the sudo dialog's server action)", () => {
  it("sends a signed-out visitor to the login page", async () => {
    await expect(reauthenticateAction({ password: "whatever" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("answers a wrong password on the password field and leaves the session outside the window; the right one sets reauthenticatedAt", async () => {
    const { user, password } = await createUser();
    const session = await signInBrowser(user.id);
    const at = leaveSudoWindow();

    expect(await reauthenticateAction({ password: "Wrong-Passw0rd!" })).toEqual({
      ok: false,
      error: "INVALID_PASSWORD",
      message: "Mot de passe actuel incorrect",
      fieldErrors: { password: "Mot de passe actuel incorrect" },
    });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt).toBeNull();

    expect(await reauthenticateAction({ password })).toEqual({ ok: true });
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.reauthenticatedAt?.getTime()).toBe(at);
    expect(hasRecentAuthentication(row, new Date(at))).toBe(true);
    const audit = await prisma.auditEvent.findFirst({ where: { userId: user.id, type: "REAUTHENTICATED" } });
    expect(audit?.metadata).toEqual({ with: "password" });
  });

  it("marks only the caller's session: the user's other sessions stay outside the window", async () => {
    const { user, password } = await createUser();
    const other = await signInApi(user);
    const session = await signInBrowser(user.id);
    leaveSudoWindow();
    expect(await reauthenticateAction({ password })).toEqual({ ok: true });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt).not.toBeNull();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: other.sessionId } })).reauthenticatedAt).toBeNull();
  });

  it("accepts a TOTP or backup code for an account with 2FA; a wrong code is answered on the code field", async () => {
    const clock = stepClock();
    const { user } = await createUser();
    const session = await signInBrowser(user.id, "en");
    const setup = await security.startTwoFactorAction();
    if (!setup.ok) throw new Error(setup.message);
    expect(await security.confirmTwoFactorAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });

    clock.advanceMs(REAUTH_WINDOW_MS + 60_000);
    const wrong = clock.code(setup.secret) === "000000" ? "111111" : "000000";
    expect(await reauthenticateAction({ code: wrong })).toEqual({
      ok: false,
      error: "INVALID_2FA_CODE",
      message: "Invalid verification code",
      fieldErrors: { code: "Invalid verification code" },
    });
    expect(await reauthenticateAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt?.getTime()).toBe(clock.now().getTime());

    clock.advanceMs(REAUTH_WINDOW_MS + 60_000);
    expect(await reauthenticateAction({ code: setup.backupCodes[0]! })).toEqual({ ok: true });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt?.getTime()).toBe(clock.now().getTime());
  });

  it("validates the proof: one of password or code, well formed, in the page's language", async () => {
    const { user } = await createUser();
    await signInBrowser(user.id, "en");
    expect(await reauthenticateAction({ password: "" })).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { password: "This field is required" } });
    expect(await reauthenticateAction({ code: "12ab" })).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { code: "Invalid code" } });
    expect(await reauthenticateAction({} as { password: string })).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { password: "This field is required" } });
    expect(await reauthenticateAction({ password: "x", code: "123456" } as unknown as { password: string })).toMatchObject({ ok: false, error: "VALIDATION_ERROR" });
    expect(await reauthenticateAction({ password: "x".repeat(1025) })).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { password: "Text too long" } });
  });

  it("hands the attempt limit's refusal (429) to the dialog with its own code and message, not as a field error", async () => {
    const { user, password } = await createUser();
    await signInBrowser(user.id);
    limitReached = true;
    expect(await reauthenticateAction({ password })).toEqual({ ok: false, error: "TOO_MANY_REQUESTS", message: "Trop de requêtes, réessayez plus tard" });
  });
});

describe("sudo mode on the settings actions the dialog is wired to", () => {
  it("an email change outside the window answers REAUTH_REQUIRED and changes nothing; after reauthenticateAction the same call succeeds", async () => {
    const { user, password } = await createUser();
    await signInBrowser(user.id);
    leaveSudoWindow();
    const newEmail = uniqueEmail("sudo");

    expect(await profile.updateProfileAction(profileInput(newEmail))).toEqual({ ok: false, error: "REAUTH_REQUIRED", message: "Reconnectez-vous pour effectuer cette action" });
    expect(await prisma.verification.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
    // The other fields are not sensitive: saving them needs no re-authentication.
    expect(await profile.updateProfileAction(profileInput(user.email))).toMatchObject({ ok: true, emailChangeRequested: false });

    expect(await reauthenticateAction({ password })).toEqual({ ok: true });
    expect(await profile.updateProfileAction(profileInput(newEmail))).toEqual({ ok: true, emailChangeRequested: true, pendingEmail: newEmail });
  });

  it("2FA set-up, revoking an app's access and every developer action answer REAUTH_REQUIRED outside the window", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await signInBrowser(user.id, "en");
    const app = await developer.createOAuthAppAction({ name: "Sudo app", redirectUris: "https://a.example.com/cb", logoUrl: "", confidential: true });
    const token = await developer.createPersonalTokenAction({ name: "Sudo token", scopes: ["profile"], expiry: "30" });
    expect(app.ok && token.ok).toBe(true);
    const appRow = await prisma.oAuthApp.findFirstOrThrow({ where: { ownerId: user.id } });
    const tokenRow = await prisma.personalAccessToken.findFirstOrThrow({ where: { userId: user.id } });
    leaveSudoWindow();

    const refused = { ok: false, error: "REAUTH_REQUIRED", message: "Sign in again to perform this action" };
    expect(await security.startTwoFactorAction()).toEqual(refused);
    expect(await security.confirmTwoFactorAction({ code: "123456" })).toEqual(refused);
    expect(await security.revokeAuthorizedAppAction({ clientId: appRow.clientId })).toEqual(refused);
    expect(await developer.createOAuthAppAction({ name: "Another", redirectUris: "https://b.example.com/cb", logoUrl: "", confidential: false })).toEqual(refused);
    expect(await developer.updateOAuthAppAction({ appId: appRow.id, name: "Renamed", redirectUris: "https://a.example.com/cb", logoUrl: "" })).toEqual(refused);
    expect(await developer.rotateOAuthAppSecretAction({ appId: appRow.id })).toEqual(refused);
    expect(await developer.deleteOAuthAppAction({ appId: appRow.id })).toEqual(refused);
    expect(await developer.createPersonalTokenAction({ name: "Another", scopes: ["profile"], expiry: "30" })).toEqual(refused);
    expect(await developer.revokePersonalTokenAction({ tokenId: tokenRow.id })).toEqual(refused);
    expect(await prisma.oAuthApp.count({ where: { ownerId: user.id } })).toBe(1);
    expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: tokenRow.id } })).revokedAt).toBeNull();
  });

  it("deleting a password-less account counts the sudo dialog's re-authentication, not only the sign-in", async () => {
    const clock = stepClock();
    const { user } = await createUser({ password: null });
    const session = await signInBrowser(user.id);
    const setup = await security.startTwoFactorAction();
    if (!setup.ok) throw new Error(setup.message);
    expect(await security.confirmTwoFactorAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });
    clock.advanceMs(REAUTH_WINDOW_MS + 60_000);

    expect(await security.deleteAccountAction({ password: "-" })).toMatchObject({ ok: false, error: "REAUTH_REQUIRED" });
    expect(await reauthenticateAction({ code: clock.code(setup.secret) })).toEqual({ ok: true });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt).not.toBeNull();
    expect(await security.deleteAccountAction({ password: "-" })).toEqual({ ok: true, redirectTo: "/login?signedOut=1&deleted=1" });
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
  });

  it("REAUTH_WINDOW_SECONDS sets the window (default 600 s)", async () => {
    const { user } = await createUser();
    const session = await signInBrowser(user.id);
    const at = (seconds: number) => new Date(session.createdAt.getTime() + seconds * 1000);
    expect(hasRecentAuthentication(session, at(600))).toBe(true);
    expect(hasRecentAuthentication(session, at(601))).toBe(false);
    process.env.REAUTH_WINDOW_SECONDS = "5";
    resetEnv();
    expect(hasRecentAuthentication(session, at(5))).toBe(true);
    expect(hasRecentAuthentication(session, at(6))).toBe(false);
  });
});
