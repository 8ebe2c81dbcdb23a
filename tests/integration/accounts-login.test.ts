import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { encryptSecret } from "@/lib/core/crypto";
import { api } from "../support/app-client";
import { createUser, uniqueEmail } from "../support/fixtures";

const TEST_BCRYPT_COST = process.env.BCRYPT_COST;

/** Geo headers are believed only on Vercel, which writes them (and x-real-ip) itself. */
const ON_VERCEL = { VERCEL: "1", DATABASE_URL: "postgres://vercel.invalid/portal", RESEND_API_KEY: "re_unused", BLOB_READ_WRITE_TOKEN: "unused" };
const BEFORE_VERCEL = Object.fromEntries(Object.keys(ON_VERCEL).map((key) => [key, process.env[key]]));

afterEach(() => {
  setClock(undefined);
  delete process.env.AUTH_REQUIRE_VERIFIED_EMAIL;
  for (const [key, value] of Object.entries(BEFORE_VERCEL)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.env.BCRYPT_COST = TEST_BCRYPT_COST;
  resetEnv();
});

type SignInBody = { user: unknown; accessToken: string; data: { user: unknown; tokens: { accessToken: string; refreshToken: string } } };

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

describe("POST /api/auth/login (002, 003, 004)", () => {
  it("answers the union of the three documents' fields with working tokens", async () => {
    const { user, password } = await createUser({ firstName: "John", lastName: "Doe", name: "John Doe" });
    const res = await api.post("/api/auth/login", { email: user.email, password });
    expect(res.status).toBe(200);
    const body = res.body as SignInBody;
    expect(body).toMatchObject({ success: true, message: "Connexion réussie" });
    const expectedUser = {
      id: user.id,
      email: user.email,
      name: "John Doe",
      firstName: "John",
      lastName: "Doe",
      emailVerified: false,
      twoFactorEnabled: false,
      is_active: false,
      email_verified: false,
      created_at: user.createdAt.toISOString(),
    };
    expect(body.user).toEqual(expectedUser);
    expect(body.data.user).toEqual(expectedUser);
    expect(typeof body.accessToken).toBe("string");
    expect(body.data.tokens.accessToken).toBe(body.accessToken);
    expect(body.data.tokens.refreshToken).toMatch(/^[0-9a-f]{64}$/);
    const sessions = await api.get("/api/sessions", { token: body.accessToken });
    expect(sessions.status).toBe(200);
  });

  it("serves seed 002's root paths /auth/login and /auth/signin", async () => {
    const { user, password } = await createUser();
    for (const path of ["/auth/login", "/auth/signin"]) {
      const res = await api.post(path, { email: user.email, password });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ user: { id: user.id, name: user.name, email: user.email }, accessToken: expect.any(String) });
    }
  });

  it("matches the email case-insensitively and answers in English when asked", async () => {
    const { user, password } = await createUser();
    const res = await api.post("/api/auth/login", { email: `  ${user.email.toUpperCase()} `, password }, { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe("Signed in successfully");
  });

  it("answers an unknown email and a wrong password identically (401)", async () => {
    const { user } = await createUser();
    const wrong = await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" });
    const unknown = await api.post("/api/auth/login", { email: uniqueEmail("nobody"), password: "Wrong-Password-1" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ success: false, statusCode: 401, error: "INVALID_CREDENTIALS", message: "Email ou mot de passe incorrect" });
  });

  it("refuses missing fields, bad types and bad JSON with 400 and details", async () => {
    const missing = await api.post("/api/auth/login", { email: "a@example.com" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ success: false, statusCode: 400, error: "VALIDATION_ERROR", details: { password: "Ce champ est requis" } });
    const types = await api.post("/api/auth/login", { email: 42, password: ["x"] });
    expect(types.status).toBe(400);
    expect(Object.keys(types.body.details as object).sort()).toEqual(["email", "password"]);
    const badEmail = await api.post("/api/auth/login", { email: "not-an-email", password: "x" });
    expect(badEmail.body).toMatchObject({ details: { email: "Format d'email invalide" } });
    const json = await api.request("POST", "/api/auth/login", { body: "{oops", headers: { "content-type": "application/json" } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ success: false, error: "INVALID_JSON" });
  });

  it("locks the account after 5 failures in 15 minutes (429 + Retry-After), then lets it in again", async () => {
    const start = new Date("2030-01-01T10:00:00Z");
    setClock(() => start);
    const { user, password } = await createUser();
    for (let i = 0; i < 5; i++) {
      const res = await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" });
      expect(res.status).toBe(401);
    }
    const locked = await api.post("/api/auth/login", { email: user.email, password });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ success: false, statusCode: 429, error: "ACCOUNT_LOCKED" });
    expect(Number(locked.headers.get("retry-after"))).toBe(15 * 60);

    setClock(() => new Date(start.getTime() + 10 * 60 * 1000));
    const stillLocked = await api.post("/api/auth/login", { email: user.email, password });
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.headers.get("retry-after"))).toBe(5 * 60);

    setClock(() => new Date(start.getTime() + 15 * 60 * 1000 + 1000));
    const open = await api.post("/api/auth/login", { email: user.email, password });
    expect(open.status).toBe(200);
  });

  it("locks unknown emails the same way, so the lock tells nothing", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < 5; i++) expect((await api.post("/api/auth/login", { email, password: "Wrong-Password-1" })).status).toBe(401);
    const res = await api.post("/api/auth/login", { email, password: "Wrong-Password-1" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
  });

  it("does not count failures made before a successful sign-in", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 4; i++) await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" });
    expect((await api.post("/api/auth/login", { email: user.email, password })).status).toBe(200);
    expect((await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" })).status).toBe(401);
    expect((await api.post("/api/auth/login", { email: user.email, password })).status).toBe(200);
  });

  it("records every attempt with device, IP, location and result, and keeps lastLoginAt", async () => {
    const { user, password } = await createUser();
    Object.assign(process.env, ON_VERCEL);
    resetEnv();
    const headers = { "user-agent": CHROME, "x-real-ip": "203.0.113.7", "x-forwarded-for": "203.0.113.7", "x-vercel-ip-city": "Paris", "x-vercel-ip-country": "FR" };
    await api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" }, { headers });
    const at = new Date("2031-05-05T08:00:00Z");
    setClock(() => at);
    await api.post("/api/auth/login", { email: user.email, password }, { headers });
    const events = await prisma.loginEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(2);
    expect(events.map((e) => [e.success, e.reason])).toEqual([
      [false, "INVALID_CREDENTIALS"],
      [true, null],
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ ipAddress: "203.0.113.7", deviceLabel: "Chrome/Windows", location: "Paris, France", userAgent: CHROME });
    }
    const fresh = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.lastLoginAt?.toISOString()).toBe(at.toISOString());
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session).toMatchObject({ kind: "API", ipAddress: "203.0.113.7", deviceLabel: "Chrome/Windows", location: "Paris, France" });
  });

  it("answers 403 EMAIL_NOT_VERIFIED when the deployment requires a verified email", async () => {
    process.env.AUTH_REQUIRE_VERIFIED_EMAIL = "true";
    resetEnv();
    const { user, password } = await createUser();
    const res = await api.post("/api/auth/login", { email: user.email, password });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, statusCode: 403, error: "EMAIL_NOT_VERIFIED" });
    const verified = await createUser({ emailVerified: new Date() });
    const ok = await api.post("/api/auth/login", { email: verified.user.email, password: verified.password });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ is_active: true, email_verified: true });
  });

  it("refuses a disabled account with 403 and no session", async () => {
    const { user, password } = await createUser({ active: false });
    const res = await api.post("/api/auth/login", { email: user.email, password });
    expect(res.status).toBe(403);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("with 2FA on, answers requires2FA and a tempToken and opens no session", async () => {
    const { user, password } = await createUser();
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP"), enabledAt: new Date() } });
    const res = await api.post("/api/auth/login", { email: user.email, password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Vérification 2FA requise", requires2FA: true, tempToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // A set-up that was never confirmed does not count as 2FA on.
    const pending = await createUser();
    await prisma.twoFactor.create({ data: { userId: pending.user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP") } });
    expect((await api.post("/api/auth/login", { email: pending.user.email, password: pending.password })).body).toHaveProperty("accessToken");
  });

  it("upgrades a hash made at a lower cost at the next login", async () => {
    const { user, password } = await createUser();
    expect(bcrypt.getRounds(user.passwordHash!)).toBe(4);
    process.env.BCRYPT_COST = "5";
    resetEnv();
    expect((await api.post("/api/auth/login", { email: user.email, password })).status).toBe(200);
    const fresh = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(bcrypt.getRounds(fresh.passwordHash!)).toBe(5);
    expect((await api.post("/api/auth/login", { email: user.email, password })).status).toBe(200);
  });
});

describe("lockout under parallel requests", () => {
  it("lets exactly 5 of 20 simultaneous guesses be checked; the rest answer 429", async () => {
    const { user, password } = await createUser();
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.post("/api/auth/login", { email: user.email, password: "Wrong-Password-1" })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await api.post("/api/auth/login", { email: user.email, password })).status).toBe(429);
    expect(await prisma.loginEvent.count({ where: { email: user.email } })).toBe(21);
  });
});
