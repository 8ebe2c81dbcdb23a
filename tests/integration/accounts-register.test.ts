import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, latestEmail, linkIn, uniqueEmail } from "../support/fixtures";

type RegisterBody = {
  success: boolean;
  message: string;
  user: Record<string, unknown>;
  accessToken: string;
  data: { user: Record<string, unknown>; tokens: { accessToken: string; refreshToken: string } };
};

describe("POST /api/auth/register (004 and 002)", () => {
  it("creates the account, sends the verification email and answers 004's and 002's fields", async () => {
    const email = uniqueEmail("john");
    const res = await api.post<RegisterBody>("/api/auth/register", { email, password: "SecurePassword123!", firstName: "John", lastName: "Doe" });
    expect(res.status).toBe(201);
    const user = { id: expect.any(String), email, name: "John Doe", firstName: "John", lastName: "Doe", emailVerified: false };
    expect(res.body).toEqual({
      success: true,
      message: "Inscription réussie. Un email de vérification a été envoyé.",
      user,
      accessToken: expect.any(String),
      data: { user, tokens: { accessToken: res.body.accessToken, refreshToken: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    const me = await api.get("/api/sessions", { token: res.body.data.tokens.accessToken });
    expect(me.status).toBe(200);
    const mail = await latestEmail(email);
    expect(mail?.subject).toBe("Confirmez votre adresse email");
    expect(linkIn(mail!, "token=")).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[0-9a-f]{64}$/);
    const stored = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(stored.lastPasswordChange).not.toBeNull();
  });

  it("serves 002 at /auth/register with {name, email, password}, splitting the name", async () => {
    const email = uniqueEmail("flutter");
    const res = await api.post<RegisterBody>("/auth/register", { name: "Ada  Lovelace King", email: email.toUpperCase(), password: "SecurePassword123!" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ id: expect.any(String), name: "Ada Lovelace King", email });
    expect(typeof res.body.accessToken).toBe("string");
    const stored = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(stored).toMatchObject({ firstName: "Ada", lastName: "Lovelace King" });
  });

  it("answers 409 for a taken email, whatever its case, even when two sign-ups race", async () => {
    const { user } = await createUser();
    const res = await api.post("/api/auth/register", { email: user.email.toUpperCase(), password: "SecurePassword123!" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ success: false, statusCode: 409, error: "EMAIL_ALREADY_EXISTS", message: "Cet email est déjà utilisé" });

    const email = uniqueEmail("race");
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.post("/api/auth/register", { email, password: "SecurePassword123!" })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("enforces the password policy with field details, in French and English", async () => {
    const cases: [unknown, string][] = [
      ["Short1", "Le mot de passe doit contenir au moins 8 caractères"],
      ["alllowercase1", "Le mot de passe doit contenir une majuscule"],
      ["ALLUPPERCASE1", "Le mot de passe doit contenir une minuscule"],
      ["NoDigitsHere", "Le mot de passe doit contenir un chiffre"],
      ["Password123", "Ce mot de passe est trop courant"],
      [`Aa1${"x".repeat(70)}`, "Le mot de passe ne doit pas dépasser 72 octets"],
    ];
    for (const [password, message] of cases) {
      const res = await api.post("/api/auth/register", { email: uniqueEmail(), password });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, statusCode: 400, error: "VALIDATION_ERROR", details: { password: message } });
    }
    const en = await api.post("/api/auth/register", { email: uniqueEmail(), password: "Qwerty123" }, { headers: { "accept-language": "en" } });
    expect(en.body).toMatchObject({ message: "Invalid data", details: { password: "This password is too common" } });
  });

  it("refuses bad types and bad JSON with 400", async () => {
    const res = await api.post("/api/auth/register", { email: ["x"], password: 12345678, firstName: 3 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details as object).sort()).toEqual(["email", "firstName", "password"]);
    const json = await api.request("POST", "/api/auth/register", { body: '{"email":', headers: { "content-type": "application/json" } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ error: "INVALID_JSON", statusCode: 400 });
  });
});

describe("POST /api/users/register (003)", () => {
  it("answers 201 with 003's user, emailSent and no tokens", async () => {
    const email = uniqueEmail("nutri");
    const res = await api.post("/api/users/register", { name: "John Doe", email, password: "MotDePasse123!", confirmPassword: "MotDePasse123!" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      message: "Utilisateur créé avec succès",
      user: { id: expect.any(String), name: "John Doe", email, is_active: false, email_verified: false, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      emailSent: true,
    });
    expect(await latestEmail(email)).toBeDefined();
    expect(await prisma.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("answers 400 when the confirmation differs and 409 for a taken email", async () => {
    const mismatch = await api.post("/api/users/register", { name: "A", email: uniqueEmail(), password: "MotDePasse123!", confirmPassword: "MotDePasse124!" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: "VALIDATION_ERROR", details: { confirmPassword: "Les mots de passe ne correspondent pas" } });
    const missing = await api.post("/api/users/register", { email: uniqueEmail() });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toMatchObject({ name: "Ce champ est requis", password: "Ce champ est requis", confirmPassword: "Ce champ est requis" });
    const { user } = await createUser();
    const taken = await api.post("/api/users/register", { name: "B", email: user.email, password: "MotDePasse123!", confirmPassword: "MotDePasse123!" });
    expect(taken.status).toBe(409);
  });
});

describe("rate limit of the sign-up endpoint", () => {
  it("answers 429 with Retry-After once an IP has used up its window, counted in the database", { timeout: 120_000 }, async () => {
    const headers = { "x-forwarded-for": "198.51.100.23" };
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await api.post("/api/auth/register", { email: uniqueEmail("burst"), password: "short" }, { headers });
      last = res.status;
      if (res.status === 429) break;
    }
    // Invalid bodies are refused before the limiter; valid sign-ups count.
    expect(last).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await api.post("/api/auth/register", { email: uniqueEmail("burst"), password: "SecurePassword123!" }, { headers })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await api.post("/api/auth/register", { email: uniqueEmail("burst"), password: "SecurePassword123!" }, { headers });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await prisma.rateLimit.findUnique({ where: { key: "register:ip:198.51.100.23" } })).toMatchObject({ count: 32 });
  });
});

describe("rate limit and local callers", () => {
  it("does not limit loopback callers by IP (local runs, e2e suites), only by address", { timeout: 120_000 }, async () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      for (let i = 0; i < 32; i++) {
        const res = await api.post("/api/auth/forgot-password", { email: uniqueEmail("local") }, { headers: { "x-forwarded-for": ip } });
        expect(res.status).toBe(200);
      }
    }
    expect(await prisma.rateLimit.count({ where: { key: { startsWith: "password-reset:ip:" } } })).toBe(0);
  });
});
