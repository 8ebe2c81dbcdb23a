import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCaller } from "@/lib/auth/caller";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { generateTotpCode, generateTotpSecret } from "@/lib/services/two-factor/totp";
import { BASE_URL } from "../support/app-client";
import { createUser, latestEmail, uniqueEmail } from "../support/fixtures";

/**
 * The auth pages' server actions with the real Auth.js underneath: next/headers is the only
 * thing stood in for (the request's headers and a cookie jar the actions write to).
 */
const jar = new Map<string, string>();
let language = "fr";

function requestHeaders(): Headers {
  return new Headers({
    host: "localhost:3000",
    "x-forwarded-proto": "http",
    "accept-language": language,
    "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  });
}

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders(),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number; expires?: Date }) => {
      if (value === "" || options?.maxAge === 0 || (options?.expires && options.expires.getTime() <= Date.now())) jar.delete(name);
      else jar.set(name, value);
    },
    delete: (name: string) => jar.delete(name),
  }),
}));

const actions = await import("@/app/(auth)/actions");

/** Where a server action's redirect() pointed, or null when it answered without redirecting. */
async function redirectOf(promise: Promise<unknown>): Promise<{ location: string | null; value: unknown }> {
  try {
    return { location: null, value: await promise };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { location: digest.split(";")[2] ?? "", value: undefined };
    throw error;
  }
}

const signedInCaller = () => getCaller(new Request(`${BASE_URL}/settings`, { headers: { cookie: requestHeaders().get("cookie")! } }));

beforeEach(() => {
  jar.clear();
  language = "fr";
});

describe("sign-in server actions", () => {
  it("sign in with the password, set the Auth.js cookie and go to the callback URL", async () => {
    const { user, password } = await createUser();
    const { location } = await redirectOf(actions.signInWithPasswordAction({ email: user.email, password, callbackUrl: "/settings/security" }));
    expect(location).toBe("/settings/security");
    const caller = await signedInCaller();
    expect(caller?.user.id).toBe(user.id);
    expect(caller?.session).toMatchObject({ kind: "BROWSER", deviceLabel: "Safari/macOS" });
  });

  it("never leave the portal, whatever the callback URL", async () => {
    const { user, password } = await createUser();
    const { location } = await redirectOf(actions.signInWithPasswordAction({ email: user.email, password, callbackUrl: "https://evil.example/x" }));
    expect(location).toBe("/settings/profile");
  });

  it("answer the API's messages: wrong password (fr, en), field errors, lock with the wait", async () => {
    const { user } = await createUser();
    const wrong = await actions.signInWithPasswordAction({ email: user.email, password: "Wrong-passw0rd" });
    expect(wrong).toEqual({ ok: false, error: "INVALID_CREDENTIALS", message: "Email ou mot de passe incorrect" });
    language = "en";
    expect(await actions.signInWithPasswordAction({ email: user.email, password: "Wrong-passw0rd" })).toMatchObject({ message: "Incorrect email or password" });
    expect(await actions.signInWithPasswordAction({ email: "not-an-email", password: "x" })).toMatchObject({
      ok: false,
      error: "VALIDATION_ERROR",
      fieldErrors: { email: "Invalid email format" },
    });
    language = "fr";
    for (let i = 0; i < 3; i++) await actions.signInWithPasswordAction({ email: user.email, password: "Wrong-passw0rd" });
    const locked = await actions.signInWithPasswordAction({ email: user.email, password: "Wrong-passw0rd" });
    expect(locked).toMatchObject({ ok: false, error: "ACCOUNT_LOCKED", message: "Trop de tentatives échouées. Réessayez dans 15 min." });
    expect(jar.size).toBe(0);
  });

  it("with 2FA on: the password step answers a challenge, the code step signs in", async () => {
    const { user, password } = await createUser();
    const secret = generateTotpSecret();
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret(secret), enabledAt: new Date() } });

    const first = await actions.signInWithPasswordAction({ email: user.email, password });
    expect(first).toMatchObject({ ok: true, twoFactor: { tempToken: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await signedInCaller()).toBeNull();
    const tempToken = (first as { twoFactor: { tempToken: string } }).twoFactor.tempToken;

    expect(await actions.verifyTwoFactorAction({ tempToken, code: "123456" })).toMatchObject({ ok: false, error: "INVALID_2FA_CODE", message: "Code de vérification invalide" });
    const { location } = await redirectOf(actions.verifyTwoFactorAction({ tempToken, code: generateTotpCode(secret), callbackUrl: "/settings/security" }));
    expect(location).toBe("/settings/security");
    expect((await signedInCaller())?.session.method).toBe("password+totp");

    jar.clear();
    expect(await actions.verifyTwoFactorAction({ tempToken, code: generateTotpCode(secret) })).toMatchObject({ ok: false, error: "TWO_FACTOR_CHALLENGE_EXPIRED" });
  });
});

describe("account server actions", () => {
  it("register: creates the account, emails the verification link and signs the browser in", async () => {
    const email = uniqueEmail("register");
    const { location } = await redirectOf(actions.registerAction({ email, password: "Un-Mot-De-Passe-42", firstName: "Léa", lastName: "Dupont" }));
    expect(location).toBe("/settings/profile");
    const caller = await signedInCaller();
    expect(caller?.user).toMatchObject({ email, name: "Léa Dupont", emailVerified: null, locale: "fr" });
    expect((await latestEmail(email))?.text).toMatch(/\/verify-email\?token=[0-9a-f]{64}/);
  });

  it("register: refuses a common password and a taken address on their fields", async () => {
    const { user } = await createUser();
    expect(await actions.registerAction({ email: uniqueEmail(), password: "Password1" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "Ce mot de passe est trop courant" },
    });
    expect(await actions.registerAction({ email: user.email, password: "Un-Mot-De-Passe-42" })).toMatchObject({ ok: false, error: "EMAIL_ALREADY_EXISTS" });
  });

  it("resend the verification link only for a signed-in, unverified user", async () => {
    await expect(actions.resendVerificationAction()).rejects.toMatchObject({ digest: expect.stringContaining("/login") });
    const { user, password } = await createUser();
    await redirectOf(actions.signInWithPasswordAction({ email: user.email, password }));
    expect(await actions.resendVerificationAction()).toEqual({ ok: true });
    expect((await latestEmail(user.email))?.text).toMatch(/\/verify-email\?token=/);
  });

  it("sign-out revokes this browser's session and goes to the login page", async () => {
    const { user, password } = await createUser();
    await redirectOf(actions.signInWithPasswordAction({ email: user.email, password }));
    const sessionId = (await signedInCaller())!.session.id;
    const { location } = await redirectOf(actions.signOutAction());
    expect(location).toBe(`${BASE_URL}/login?signedOut=1`);
    expect(jar.has("authjs.session-token")).toBe(false);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
  });
});
