import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { prisma } from "@/lib/db/client";
import { completeTwoFactorLogin } from "@/lib/services/two-factor/complete-two-factor-login";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, signInApi } from "../support/fixtures";
import { enableWithApi, stepClock, warmUpTwoFactorRoutes, type StepClock } from "./two-factor-helpers";

beforeAll(warmUpTwoFactorRoutes);
afterEach(() => setClock(undefined));

type LoginBody = { success: boolean; message: string; requires2FA?: boolean; tempToken?: string; accessToken?: string; data?: unknown };
type TokensBody = { success: boolean; message: string; data: { user: { id: string; twoFactorEnabled: boolean }; tokens: { accessToken: string; refreshToken: string } } };

/** A user with 2FA on (enabled through seed 004's routes). */
async function userWithTwoFactor(clock: StepClock) {
  const { user } = await createUser();
  const { accessToken } = await signInApi(user);
  const { secret, backupCodes } = await enableWithApi(accessToken, clock);
  return { user, secret, backupCodes };
}

async function passwordStep(email: string): Promise<string> {
  const login = await api.post<LoginBody>("/api/auth/login", { email, password: DEFAULT_PASSWORD });
  expect(login.status).toBe(200);
  expect(login.body.requires2FA).toBe(true);
  return login.body.tempToken!;
}

/** Challenges are opened one after the other: only the second step is raced. */
async function passwordSteps(email: string, count: number): Promise<string[]> {
  const tempTokens: string[] = [];
  for (let i = 0; i < count; i++) tempTokens.push(await passwordStep(email));
  return tempTokens;
}

const wrongCode = (right: string) => (right === "000000" ? "111111" : "000000");

describe("seed 004 Postman steps 10 to 13, as written", () => {
  it("enables 2FA in two steps, signs in with the code, then disables it", async () => {
    const clock = stepClock();
    const { user } = await createUser({ email: `john.doe.${Date.now()}@example.com`, firstName: "John", lastName: "Doe" });
    // Steps 2: login without 2FA gives the tokens.
    const login = await api.post<TokensBody>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD }, { headers: { "content-type": "application/json" } });
    expect(login.status).toBe(200);
    const accessToken = login.body.data.tokens.accessToken;

    // 10. Activer 2FA (Étape 1 - Génération)
    const step10 = await api.post<{ success: boolean; message: string; data: { secret: string; qrCode: string; manualEntryKey: string } }>(
      "/api/auth/2fa/enable",
      {},
      { token: accessToken, headers: { "content-type": "application/json" } },
    );
    expect(step10.status).toBe(200);
    expect(step10.body).toMatchObject({
      success: true,
      message: "Scannez le QR code avec votre application d'authentification",
      data: { secret: expect.stringMatching(/^[A-Z2-7]+$/), qrCode: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/), manualEntryKey: step10.body.data.secret },
    });
    const secret = step10.body.data.secret;

    // 11. Activer 2FA (Étape 2 - Activation)
    const step11 = await api.post("/api/auth/2fa/enable", { token: clock.code(secret) }, { token: accessToken });
    expect(step11.status).toBe(200);
    expect(step11.body).toMatchObject({ success: true, message: "2FA activé avec succès" });

    // 2. Connexion (avec 2FA activé)
    clock.advanceSteps(1);
    const withTwoFactor = await api.post<LoginBody>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    expect(withTwoFactor.status).toBe(200);
    expect(withTwoFactor.body).toEqual({ success: true, message: "Vérification 2FA requise", requires2FA: true, tempToken: expect.any(String) });

    // 12. Vérifier 2FA (après login)
    const step12 = await api.post<TokensBody>("/api/auth/2fa/verify", { tempToken: withTwoFactor.body.tempToken, token: clock.code(secret) });
    expect(step12.status).toBe(200);
    expect(step12.body).toMatchObject({
      success: true,
      message: "Connexion réussie",
      data: { user: { id: user.id, twoFactorEnabled: true }, tokens: { accessToken: expect.any(String), refreshToken: expect.any(String) } },
    });
    const me = await api.post("/api/auth/2fa/enable", {}, { token: step12.body.data.tokens.accessToken });
    expect(me.status).toBe(409); // the new access token works, and 2FA is on

    // 13. Désactiver 2FA
    clock.advanceSteps(1);
    const step13 = await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: step12.body.data.tokens.accessToken });
    expect(step13.status).toBe(200);
    expect(step13.body).toEqual({ success: true, message: "2FA désactivé avec succès" });

    const after = await api.post<TokensBody>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    expect(after.body.data.tokens.accessToken).toEqual(expect.any(String));
    expect(after.body.data.user.twoFactorEnabled).toBe(false);
  });
});

describe("signing in with 2FA on", () => {
  it("a password-only login never yields tokens nor opens a session", async () => {
    const clock = stepClock();
    const { user } = await userWithTwoFactor(clock);
    const before = await prisma.session.count({ where: { userId: user.id } });
    const login = await api.post<LoginBody>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    expect(login.body).toEqual({ success: true, message: "Vérification 2FA requise", requires2FA: true, tempToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(login.text).not.toMatch(/accessToken|refreshToken/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before);
    // Seed 002's /auth/login and /auth/signin reach the same handler.
    for (const path of ["/auth/login", "/auth/signin"]) {
      const other = await api.post<LoginBody>(path, { email: user.email, password: DEFAULT_PASSWORD });
      expect(other.body.requires2FA).toBe(true);
      expect(other.text).not.toMatch(/accessToken/);
    }
  });

  it("the tempToken is no access token", async () => {
    const clock = stepClock();
    const { user } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    const asBearer = await api.post("/api/auth/2fa/enable", {}, { token: tempToken });
    expect(asBearer.status).toBe(401);
    expect(asBearer.body).toMatchObject({ error: "INVALID_TOKEN" });
    const asBearer000 = await api.post("/api/users/profile/2fa/init", undefined, { token: tempToken });
    expect(asBearer000.status).toBe(401);
  });

  it("the tempToken works once", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    expect((await api.post("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) })).status).toBe(200);
    clock.advanceSteps(1);
    const again = await api.post("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ success: false, error: "TWO_FACTOR_CHALLENGE_EXPIRED" });
  });

  it("the tempToken expires after 5 minutes", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    clock.advanceMs(5 * 60 * 1000 + 1000);
    const late = await api.post("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: "TWO_FACTOR_CHALLENGE_EXPIRED" });

    const fresh = await passwordStep(user.email);
    clock.advanceMs(4 * 60 * 1000);
    expect((await api.post("/api/auth/2fa/verify", { tempToken: fresh, token: clock.code(secret) })).status).toBe(200);
  });

  it("an unknown or malformed tempToken is refused without a 500", async () => {
    const unknown = await api.post("/api/auth/2fa/verify", { tempToken: "a".repeat(64), token: "123456" });
    expect(unknown.status).toBe(401);
    const malformed = await api.post("/api/auth/2fa/verify", { tempToken: "not-a-token", token: "123456" });
    expect(malformed.status).toBe(401);
    const missing = await api.post("/api/auth/2fa/verify", { token: "123456" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: "VALIDATION_ERROR", details: { tempToken: expect.any(String) } });
  });

  it("a wrong code is refused and the challenge stays usable", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    const wrong = await api.post("/api/auth/2fa/verify", { tempToken, token: wrongCode(clock.code(secret)) });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, statusCode: 401, error: "INVALID_2FA_CODE", message: "Code de vérification invalide" });
    expect(await prisma.session.count({ where: { userId: user.id, method: { contains: "totp" } } })).toBe(0);
    const right = await api.post<TokensBody>("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) });
    expect(right.status).toBe(200);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id, method: "password+totp" } });
    expect(session.kind).toBe("API");
  });

  it("the same code cannot be used twice, even by two sign-ins at once", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const code = clock.code(secret);
    const first = await passwordStep(user.email);
    expect((await api.post("/api/auth/2fa/verify", { tempToken: first, token: code })).status).toBe(200);
    const second = await passwordStep(user.email);
    const replay = await api.post("/api/auth/2fa/verify", { tempToken: second, token: code });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: "INVALID_2FA_CODE" });

    // Ten concurrent sign-ins with one fresh code: exactly one gets in.
    clock.advanceSteps(1);
    const fresh = clock.code(secret);
    const tempTokens = await passwordSteps(user.email, 10);
    const results = await Promise.all(tempTokens.map((tempToken) => api.post("/api/auth/2fa/verify", { tempToken, token: fresh })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    // The others are refused: as a replay (401), or by the lockout once five attempts are in flight (429).
    expect(results.filter((r) => r.status === 401 || r.status === 429)).toHaveLength(9);
    expect(await prisma.session.count({ where: { userId: user.id, method: "password+totp" } })).toBe(2);
  });

  it("accepts one step of drift but refuses a code from three steps ago", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    clock.advanceSteps(5);
    const old = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret, 3) });
    expect(old.status).toBe(401);
    const twoAgo = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret, 2) });
    expect(twoAgo.status).toBe(401);
    const oneAgo = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret, 1) });
    expect(oneAgo.status).toBe(200);
    const oneAhead = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret, -1) });
    expect(oneAhead.status).toBe(200);
    // The current step now lies behind the last accepted one: refused as a replay.
    const current = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret) });
    expect(current.status).toBe(401);
  });

  it("each backup code works once, even under 10 concurrent attempts", async () => {
    const clock = stepClock();
    const { user, backupCodes } = await userWithTwoFactor(clock);
    const [code, other] = backupCodes as [string, string];
    const tempTokens = await passwordSteps(user.email, 10);
    const results = await Promise.all(tempTokens.map((tempToken) => api.post<TokensBody>("/api/auth/2fa/verify", { tempToken, token: code })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refusals = results.filter((r) => r.status !== 200).map((r) => (r.body as unknown as { error: string }).error);
    expect(refusals.every((error) => error === "INVALID_2FA_CODE" || error === "ACCOUNT_LOCKED")).toBe(true);
    expect(await prisma.backupCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id, method: "password+backup" } })).toBe(1);
    // The owner hears of it, with what is left (8 codes, 1 used).
    const notice = await latestEmail(user.email);
    expect(notice?.subject).toBe("Un code de secours a été utilisé");
    expect(notice?.text).toContain("Il vous reste 7 codes de secours.");

    const reuse = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: code });
    expect(reuse.status).toBe(401);
    // Typed with a space, another code works.
    const spaced = `${other.slice(0, 4)} ${other.slice(4)}`;
    expect((await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: spaced }, { headers: { "accept-language": "en" } })).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "BACKUP_CODE_USED" } })).toBe(2);
    expect((await latestEmail(user.email))?.text).toContain("You have 6 backup codes left.");
  });

  it("wrong codes count toward the login lockout like wrong passwords", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    for (let i = 0; i < 5; i++) {
      const wrong = await api.post("/api/auth/2fa/verify", { tempToken, token: wrongCode(clock.code(secret)) });
      expect(wrong.status).toBe(401);
    }
    const locked = await api.post("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: "ACCOUNT_LOCKED" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The password step is locked too.
    expect((await api.post("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD })).status).toBe(429);
    const failures = await prisma.loginEvent.count({ where: { userId: user.id, success: false, reason: "INVALID_2FA_CODE" } });
    expect(failures).toBe(5);

    clock.advanceMs(15 * 60 * 1000 + 1000);
    const after = await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret) });
    expect(after.status).toBe(200);
  });

  it("parallel guesses get no more tries than sequential ones: five refusals, then 429", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    const wrong = wrongCode(clock.code(secret));
    const results = await Promise.all(Array.from({ length: 10 }, () => api.post("/api/auth/2fa/verify", { tempToken, token: wrong })));
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    expect((await api.post("/api/auth/2fa/verify", { tempToken, token: clock.code(secret) })).status).toBe(429);
  });

  it("records the successful sign-in in the login history", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    await api.post("/api/auth/2fa/verify", { tempToken: await passwordStep(user.email), token: clock.code(secret) }, { headers: { "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0" } });
    const event = await prisma.loginEvent.findFirstOrThrow({ where: { userId: user.id, success: true } });
    expect(event.method).toBe("password+totp");
    expect(event.userAgent).toContain("Chrome");
    expect((await latestEmail(user.email))?.subject).toBe("Authentification à deux facteurs activée");
  });

  it("serves the browser's second screen too: a browser session, no tokens", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const tempToken = await passwordStep(user.email);
    const result = await completeTwoFactorLogin({ tempToken, code: clock.code(secret), client: UNKNOWN_CLIENT, kind: "BROWSER" });
    expect(result.tokens).toBeNull();
    expect(result.session).toMatchObject({ userId: user.id, kind: "BROWSER", method: "password+totp", refreshTokenHash: null });
  });
});
