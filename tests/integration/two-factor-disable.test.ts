import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, signInApi } from "../support/fixtures";
import { enableWithApi, stepClock, warmUpTwoFactorRoutes, type StepClock } from "./two-factor-helpers";

beforeAll(warmUpTwoFactorRoutes);
afterEach(() => setClock(undefined));

async function userWithTwoFactor(clock: StepClock) {
  const { user } = await createUser();
  const { accessToken, sessionId } = await signInApi(user);
  const { secret, backupCodes } = await enableWithApi(accessToken, clock);
  return { user, accessToken, sessionId, secret, backupCodes };
}

const wrongCode = (right: string) => (right === "000000" ? "111111" : "000000");

async function expectOff(userId: string) {
  expect(await prisma.twoFactor.findUnique({ where: { userId } })).toBeNull();
  expect(await prisma.backupCode.count({ where: { userId } })).toBe(0);
}

describe("disabling 2FA, seed 004 (POST /api/auth/2fa/disable {token})", () => {
  it("needs a current code: a wrong one leaves 2FA on, a right one removes the secret and backup codes", async () => {
    const clock = stepClock();
    const { user, accessToken, secret } = await userWithTwoFactor(clock);
    const wrong = await api.post("/api/auth/2fa/disable", { token: wrongCode(clock.code(secret)) }, { token: accessToken });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "INVALID_2FA_CODE" });
    const missing = await api.post("/api/auth/2fa/disable", {}, { token: accessToken });
    expect(missing.status).toBe(400);
    expect(await prisma.twoFactor.count({ where: { userId: user.id, enabledAt: { not: null } } })).toBe(1);

    const ok = await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: accessToken });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ success: true, message: "2FA désactivé avec succès" });
    await expectOff(user.id);
    expect((await latestEmail(user.email))?.subject).toBe("Authentification à deux facteurs désactivée");
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "TWO_FACTOR_DISABLED" } })).toBe(1);

    const again = await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: accessToken });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: "TWO_FACTOR_NOT_ENABLED" });
  });

  it("accepts a backup code, once", async () => {
    const clock = stepClock();
    const { user, accessToken, backupCodes } = await userWithTwoFactor(clock);
    expect((await api.post("/api/auth/2fa/disable", { token: backupCodes[0] }, { token: accessToken })).status).toBe(200);
    await expectOff(user.id);
  });

  it("refuses a replayed code", async () => {
    const clock = stepClock();
    const { user, secret } = await userWithTwoFactor(clock);
    const code = clock.code(secret);
    const login = await api.post<{ tempToken: string }>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    const verified = await api.post<{ data: { tokens: { accessToken: string } } }>("/api/auth/2fa/verify", { tempToken: login.body.tempToken, token: code });
    const replay = await api.post("/api/auth/2fa/disable", { token: code }, { token: verified.body.data.tokens.accessToken });
    expect(replay.status).toBe(401);
  });

  it("locks the settings code checks after five wrong codes (429), so a stolen token cannot brute-force them", async () => {
    const clock = stepClock();
    const { user, accessToken, secret } = await userWithTwoFactor(clock);
    for (let i = 0; i < 5; i++) {
      expect((await api.post("/api/auth/2fa/disable", { token: wrongCode(clock.code(secret)) }, { token: accessToken })).status).toBe(401);
    }
    const blocked = await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: accessToken });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    clock.advanceMs(15 * 60 * 1000);
    // The session's access token has expired by now: open a new one.
    const { accessToken: fresh } = await signInApi(user);
    expect((await api.post("/api/auth/2fa/disable", { token: clock.code(secret) }, { token: fresh })).status).toBe(200);
  });
  it("parallel wrong codes get no more tries than sequential ones", async () => {
    const clock = stepClock();
    const { user, accessToken, secret } = await userWithTwoFactor(clock);
    const wrong = wrongCode(clock.code(secret));
    const results = await Promise.all(Array.from({ length: 10 }, () => api.post("/api/auth/2fa/disable", { token: wrong }, { token: accessToken })));
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a right code gives the tries back", async () => {
    const clock = stepClock();
    const { accessToken, secret } = await userWithTwoFactor(clock);
    for (let i = 0; i < 4; i++) {
      expect((await api.post("/api/auth/2fa/backup-codes", { token: wrongCode(clock.code(secret)) }, { token: accessToken })).status).toBe(401);
    }
    expect((await api.post("/api/auth/2fa/backup-codes", { token: clock.code(secret) }, { token: accessToken })).status).toBe(200);
    clock.advanceSteps(1);
    for (let i = 0; i < 4; i++) {
      expect((await api.post("/api/auth/2fa/backup-codes", { token: wrongCode(clock.code(secret)) }, { token: accessToken })).status).toBe(401);
    }
    expect((await api.post("/api/auth/2fa/backup-codes", { token: clock.code(secret) }, { token: accessToken })).status).toBe(200);
  });
});

describe("disabling 2FA, seed 000 (DELETE /api/users/profile/2fa)", () => {
  it("works body-less within 10 minutes of signing in", async () => {
    const clock = stepClock();
    const { user, accessToken } = await userWithTwoFactor(clock);
    clock.advanceMs(9 * 60 * 1000);
    const ok = await api.delete("/api/users/profile/2fa", undefined, { token: accessToken });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ success: true, message: "Authentification à deux facteurs désactivée avec succès" });
    await expectOff(user.id);
  });

  it("answers 403 REAUTH_REQUIRED when the sign-in is older than 10 minutes, unless a current code is given", async () => {
    const clock = stepClock();
    const { user, accessToken, secret } = await userWithTwoFactor(clock);
    clock.advanceMs(11 * 60 * 1000);
    const stale = await api.delete("/api/users/profile/2fa", undefined, { token: accessToken });
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ success: false, error: "REAUTH_REQUIRED", message: "Reconnectez-vous pour effectuer cette action" });
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(1);

    const withCode = await api.delete("/api/users/profile/2fa", { code: clock.code(secret) }, { token: accessToken });
    expect(withCode.status).toBe(200);
    await expectOff(user.id);
  });

  it("answers 400 when 2FA is off", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const off = await api.delete("/api/users/profile/2fa", undefined, { token: accessToken });
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({ error: "TWO_FACTOR_NOT_ENABLED" });
  });
});

describe("regenerating backup codes", () => {
  it("004: a current code gives eight new codes and voids the old ones", async () => {
    const clock = stepClock();
    const { user, accessToken, secret, backupCodes: old } = await userWithTwoFactor(clock);
    const refused = await api.post("/api/auth/2fa/backup-codes", {}, { token: accessToken });
    expect(refused.status).toBe(400);
    const res = await api.post<{ success: boolean; backupCodes: string[] }>("/api/auth/2fa/backup-codes", { token: clock.code(secret) }, { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.backupCodes).toHaveLength(8);
    expect(res.body.backupCodes.some((c) => old.includes(c))).toBe(false);
    expect((await latestEmail(user.email))?.subject).toBe("Nouveaux codes de secours");
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "BACKUP_CODES_REGENERATED" } })).toBe(1);

    const login = async () => (await api.post<{ tempToken: string }>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD })).body.tempToken;
    expect((await api.post("/api/auth/2fa/verify", { tempToken: await login(), token: old[0] })).status).toBe(401);
    expect((await api.post("/api/auth/2fa/verify", { tempToken: await login(), token: res.body.backupCodes[0] })).status).toBe(200);
  });

  it("000: a recent sign-in suffices; an old one needs a code", async () => {
    const clock = stepClock();
    const { accessToken, secret } = await userWithTwoFactor(clock);
    const recent = await api.post<{ backupCodes: string[] }>("/api/users/profile/2fa/backup-codes", undefined, { token: accessToken });
    expect(recent.status).toBe(200);
    expect(recent.body.backupCodes).toHaveLength(8);
    clock.advanceMs(11 * 60 * 1000);
    expect((await api.post("/api/users/profile/2fa/backup-codes", undefined, { token: accessToken })).status).toBe(403);
    expect((await api.post("/api/users/profile/2fa/backup-codes", { code: clock.code(secret) }, { token: accessToken })).status).toBe(200);
  });

  it("is refused while 2FA is off", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    expect((await api.post("/api/users/profile/2fa/backup-codes", undefined, { token: accessToken })).status).toBe(400);
  });
});
