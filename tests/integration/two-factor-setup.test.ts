import QRCode from "qrcode";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, signInApi } from "../support/fixtures";
import { enableWithApi, stepClock, warmUpTwoFactorRoutes } from "./two-factor-helpers";

beforeAll(warmUpTwoFactorRoutes);
afterEach(() => setClock(undefined));

type Setup004 = { success: boolean; message: string; data: { secret: string; qrCode: string; manualEntryKey: string } };
type Init000 = { qrCode: string; secretKey: string; backupCodes: string[]; method: string };

async function signedInUser() {
  const { user } = await createUser();
  const { accessToken, sessionId } = await signInApi(user);
  return { user, accessToken, sessionId };
}

const isOn = async (userId: string) => Boolean((await prisma.twoFactor.findUnique({ where: { userId } }))?.enabledAt);

describe("enabling 2FA, seed 004 (POST /api/auth/2fa/enable)", () => {
  it("takes two steps: {} answers the secret and a PNG QR code, {token} turns it on", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();

    const setup = await api.post<Setup004>("/api/auth/2fa/enable", {}, { token: accessToken });
    expect(setup.status).toBe(200);
    expect(setup.body.success).toBe(true);
    expect(setup.body.message).toBe("Scannez le QR code avec votre application d'authentification");
    const { secret, qrCode, manualEntryKey } = setup.body.data;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(manualEntryKey).toBe(secret);
    expect(await isOn(user.id)).toBe(false);

    // The QR code is a PNG data URL, and it encodes exactly the otpauth URI with the
    // portal's name as issuer and the email as label.
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(qrCode.slice("data:image/png;base64,".length), "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await sharp(png).metadata()).format).toBe("png");
    const label = encodeURIComponent(user.email);
    const uri = `otpauth://totp/Account%20Portal:${label}?secret=${secret}&issuer=Account%20Portal`;
    expect(qrCode).toBe(await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 }));

    const enabled = await api.post("/api/auth/2fa/enable", { token: clock.code(secret) }, { token: accessToken });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ success: true, message: "2FA activé avec succès" });
    const backupCodes = (enabled.body as { data: { backupCodes: string[] } }).data.backupCodes;
    expect(backupCodes).toHaveLength(8);
    for (const code of backupCodes) expect(code).toMatch(/^\d{8}$/);
    expect(new Set(backupCodes).size).toBe(8);
    expect(await isOn(user.id)).toBe(true);

    expect((await latestEmail(user.email))?.subject).toBe("Authentification à deux facteurs activée");
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "TWO_FACTOR_ENABLED" } })).toBe(1);
  });

  it("stays off after a wrong code, and a code for another secret does not count", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const first = await api.post<Setup004>("/api/auth/2fa/enable", {}, { token: accessToken });
    const wrong = await api.post("/api/auth/2fa/enable", { token: clock.code(first.body.data.secret) === "000000" ? "111111" : "000000" }, { token: accessToken });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, error: "INVALID_2FA_CODE" });
    expect(await isOn(user.id)).toBe(false);

    // Starting again replaces the pending secret: the first one's code no longer confirms.
    const second = await api.post<Setup004>("/api/auth/2fa/enable", {}, { token: accessToken });
    expect(second.body.data.secret).not.toBe(first.body.data.secret);
    const stale = await api.post("/api/auth/2fa/enable", { token: clock.code(first.body.data.secret) }, { token: accessToken });
    expect(stale.status).toBe(401);
    expect(await isOn(user.id)).toBe(false);

    // A password-only login still works while set-up is pending.
    const login = await api.post("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    expect(login.body).toMatchObject({ success: true, data: { tokens: { accessToken: expect.any(String) } } });

    const ok = await api.post("/api/auth/2fa/enable", { token: clock.code(second.body.data.secret) }, { token: accessToken });
    expect(ok.status).toBe(200);
    expect(await isOn(user.id)).toBe(true);
  });

  it("refuses a malformed code with a 400 and a new set-up once 2FA is on (409)", async () => {
    const clock = stepClock();
    const { accessToken } = await signedInUser();
    await api.post("/api/auth/2fa/enable", {}, { token: accessToken });
    const malformed = await api.post("/api/auth/2fa/enable", { token: "12ab" }, { token: accessToken });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: "VALIDATION_ERROR", details: { token: "Code invalide" } });

    const { user } = await createUser();
    const other = await signInApi(user);
    await enableWithApi(other.accessToken, clock);
    const again = await api.post("/api/auth/2fa/enable", {}, { token: other.accessToken });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "TWO_FACTOR_ALREADY_ENABLED" });
  });

  it("stores the secret encrypted, never in clear, and the backup codes hashed", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const { secret, backupCodes } = await enableWithApi(accessToken, clock);
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEncrypted).not.toContain(secret);
    expect(row.secretEncrypted).toMatch(/^v2\./);
    expect(decryptSecret(row.secretEncrypted)).toBe(secret);
    const stored = await prisma.backupCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(8);
    for (const code of backupCodes) expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);
  });

  it("survives concurrent requests: five set-ups at once leave one pending secret, five confirmations enable once", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const starts = await Promise.all(Array.from({ length: 5 }, () => api.post<Setup004>("/api/auth/2fa/enable", {}, { token: accessToken })));
    expect(starts.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.backupCode.count({ where: { userId: user.id } })).toBe(8);
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    const secret = starts.map((r) => r.body.data.secret).find((s) => decryptSecret(row.secretEncrypted) === s)!;

    const code = clock.code(secret);
    const confirms = await Promise.all(Array.from({ length: 5 }, () => api.post("/api/auth/2fa/enable", { token: code }, { token: accessToken })));
    expect(confirms.filter((r) => r.status === 200)).toHaveLength(1);
    expect(confirms.filter((r) => r.status === 409)).toHaveLength(4);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "TWO_FACTOR_ENABLED" } })).toBe(1);
  });

  it("tells the user by email in their language, and never emails the secret or the codes", async () => {
    const clock = stepClock();
    const { user } = await createUser({ locale: "en" });
    const { accessToken } = await signInApi(user);
    const { secret, backupCodes } = await enableWithApi(accessToken, clock);
    const mail = await latestEmail(user.email);
    expect(mail?.subject).toBe("Two-factor authentication turned on");
    expect(mail?.text).toContain("http://localhost:3000/settings/security");
    for (const value of [secret, ...backupCodes]) {
      expect(mail?.html).not.toContain(value);
      expect(mail?.text).not.toContain(value);
    }
  });

  it("requires a signed-in caller with the account scope", async () => {
    expect((await api.post("/api/auth/2fa/enable", {})).status).toBe(401);
    const { user } = await createUser();
    const { accessToken } = await signInApi(user, { scopes: ["profile"] });
    const scoped = await api.post("/api/auth/2fa/enable", {}, { token: accessToken });
    expect(scoped.status).toBe(403);
    expect(scoped.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
  });
});

describe("enabling 2FA, seed 000 (init then verify)", () => {
  it("init answers {qrCode, secretKey, backupCodes, method} and 2FA stays off until verify", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    expect(init.status).toBe(200);
    expect(Object.keys(init.body).sort()).toEqual(["backupCodes", "method", "qrCode", "secretKey"]);
    expect(init.body.method).toBe("app");
    expect(init.body.qrCode).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(init.body.backupCodes).toHaveLength(8);
    expect(await isOn(user.id)).toBe(false);

    const wrong = await api.post("/api/users/profile/2fa/verify", { method: "app", code: "000000" === clock.code(init.body.secretKey) ? "999999" : "000000" }, { token: accessToken });
    expect(wrong.status).toBe(401);
    expect(await isOn(user.id)).toBe(false);

    const verify = await api.post("/api/users/profile/2fa/verify", { method: "app", code: clock.code(init.body.secretKey) }, { token: accessToken });
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ success: true, message: "Authentification à deux facteurs activée avec succès" });
    expect(await isOn(user.id)).toBe(true);
  });

  it("answers in English when Accept-Language prefers it", async () => {
    const clock = stepClock();
    const { accessToken } = await signedInUser();
    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    const verify = await api.post(
      "/api/users/profile/2fa/verify",
      { method: "app", code: clock.code(init.body.secretKey) },
      { token: accessToken, headers: { "accept-language": "en-GB,en;q=0.9" } },
    );
    expect(verify.body).toEqual({ success: true, message: "Two-factor authentication enabled successfully" });
  });

  it("verify without init is refused, and the backup codes shown at init work only after verify", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const early = await api.post("/api/users/profile/2fa/verify", { method: "app", code: "123456" }, { token: accessToken });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ error: "TWO_FACTOR_SETUP_REQUIRED" });
    const sms = await api.post("/api/users/profile/2fa/verify", { method: "sms", code: "123456" }, { token: accessToken });
    expect(sms.status).toBe(400);
    expect(sms.body).toMatchObject({ error: "VALIDATION_ERROR", details: { method: "Méthode non prise en charge (seule « app » l'est)" } });

    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    const [backup] = init.body.backupCodes;
    // Pending set-up: a backup code is no second factor yet, and cannot confirm set-up either.
    const byBackup = await api.post("/api/users/profile/2fa/verify", { method: "app", code: backup }, { token: accessToken });
    expect(byBackup.status).toBe(400);
    expect(await isOn(user.id)).toBe(false);

    await api.post("/api/users/profile/2fa/verify", { method: "app", code: clock.code(init.body.secretKey) }, { token: accessToken });
    const login = await api.post<{ tempToken: string }>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    const verified = await api.post("/api/auth/2fa/verify", { tempToken: login.body.tempToken, token: backup });
    expect(verified.status).toBe(200);
  });

  it("the code that confirmed set-up cannot be replayed to sign in", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    const code = clock.code(init.body.secretKey);
    expect((await api.post("/api/users/profile/2fa/verify", { code }, { token: accessToken })).status).toBe(200);
    const login = await api.post<{ tempToken: string }>("/api/auth/login", { email: user.email, password: DEFAULT_PASSWORD });
    const replay = await api.post("/api/auth/2fa/verify", { tempToken: login.body.tempToken, token: code });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: "INVALID_2FA_CODE" });
  });

  it("the profile family and the 004 family see the same state: a set-up started by one is confirmed by the other", async () => {
    const clock = stepClock();
    const { user, accessToken } = await signedInUser();
    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    const confirm = await api.post("/api/auth/2fa/enable", { token: clock.code(init.body.secretKey) }, { token: accessToken });
    expect(confirm.status).toBe(200);
    expect(await isOn(user.id)).toBe(true);
    const again = await api.post("/api/users/profile/2fa/init", undefined, { token: accessToken });
    expect(again.status).toBe(409);
  });
});

describe("the profiles show the 2FA state", () => {
  it("000 two_factor_enabled/method and 004 twoFactorEnabled(At) follow set-up, confirmation and disabling", async () => {
    const clock = stepClock();
    const { accessToken } = await signedInUser();
    const profile000 = async () => (await api.get<{ two_factor_enabled: boolean; two_factor_method: string | null }>("/api/users/profile", { token: accessToken })).body;
    type Me = { data: { user: { twoFactorEnabled: boolean; twoFactorEnabledAt: string | null } } };
    const me004 = async () => (await api.get<Me>("/api/me", { token: accessToken })).body.data.user;

    expect(await profile000()).toMatchObject({ two_factor_enabled: false });
    const init = await api.post<Init000>("/api/users/profile/2fa/init", undefined, { token: accessToken });
    // Pending set-up is still "off" in both vocabularies.
    expect(await profile000()).toMatchObject({ two_factor_enabled: false });
    expect(await me004()).toMatchObject({ twoFactorEnabled: false, twoFactorEnabledAt: null });

    await api.post("/api/users/profile/2fa/verify", { method: "app", code: clock.code(init.body.secretKey) }, { token: accessToken });
    expect(await profile000()).toMatchObject({ two_factor_enabled: true, two_factor_method: "app" });
    expect(await me004()).toEqual(expect.objectContaining({ twoFactorEnabled: true, twoFactorEnabledAt: clock.now().toISOString() }));

    expect((await api.delete("/api/users/profile/2fa", undefined, { token: accessToken })).status).toBe(200);
    expect(await profile000()).toMatchObject({ two_factor_enabled: false });
    expect(await me004()).toMatchObject({ twoFactorEnabled: false, twoFactorEnabledAt: null });
  });
});
