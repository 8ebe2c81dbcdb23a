import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { readOutbox } from "@/lib/mail/outbox";
import { api } from "../support/app-client";
import { createUser, latestEmail, linkIn, signInApi, tokenIn, uniqueEmail } from "../support/fixtures";

afterEach(() => setClock(undefined));

const NEW_PASSWORD = "NewSecurePassword789!";

async function resetTokenFor(email: string, path = "/api/auth/forgot-password") {
  const res = await api.post(path, { email });
  expect(res.status).toBe(200);
  const mail = (await latestEmail(email))!;
  expect(mail.subject).toBe("Réinitialisez votre mot de passe");
  expect(linkIn(mail, "token=")).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[0-9a-f]{64}$/);
  return tokenIn(mail);
}

const login = (email: string, password: string) => api.post("/api/auth/login", { email, password });

describe("forgot and reset password (004)", () => {
  it("answers forgot-password identically for known and unknown emails, mailing only the known one", async () => {
    const { user } = await createUser();
    const unknown = uniqueEmail("nobody");
    const known = await api.post("/api/auth/forgot-password", { email: user.email });
    const missing = await api.post("/api/auth/forgot-password", { email: unknown });
    expect(known.status).toBe(200);
    expect(missing.status).toBe(200);
    expect(known.body).toEqual({ success: true, message: "Si cet email existe, un lien de réinitialisation a été envoyé" });
    expect(missing.body).toEqual(known.body);
    expect(await readOutbox({ to: user.email })).toHaveLength(1);
    expect(await readOutbox({ to: unknown })).toHaveLength(0);
  });

  it("resets the password with {token, newPassword}, revokes every session and mails the owner", async () => {
    const { user, password } = await createUser();
    const { accessToken, refreshToken } = await signInApi(user);
    const token = await resetTokenFor(user.email);
    const res = await api.post("/api/auth/reset-password", { token, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Mot de passe réinitialisé avec succès" });
    expect((await login(user.email, password)).status).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await api.get("/api/sessions", { token: accessToken })).status).toBe(401);
    expect((await api.post("/api/auth/refresh", { refreshToken })).status).toBe(401);
    expect((await latestEmail(user.email))?.subject).toBe("Votre mot de passe a été modifié");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.emailVerified).not.toBeNull();
    expect((await api.post("/api/auth/reset-password", { token, newPassword: "AnotherPassword789!" })).status).toBe(400);
  });

  it("a reset token used by 10 concurrent requests succeeds exactly once", async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.post("/api/auth/reset-password", { token, newPassword: `Concurrent${i}Password!` })),
    );
    const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(9);
    expect((await login(user.email, `Concurrent${winners[0]}Password!`)).status).toBe(200);
  });

  it("refuses a reset token after one hour (injected clock), and a new link voids the old one", async () => {
    const start = new Date("2033-06-01T09:00:00Z");
    setClock(() => start);
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    setClock(() => new Date(start.getTime() + 60 * 60 * 1000 + 1000));
    const expired = await api.post("/api/auth/reset-password", { token, newPassword: NEW_PASSWORD });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ success: false, statusCode: 400, error: "INVALID_OR_EXPIRED_TOKEN", message: "Token invalide ou expiré" });
    setClock(() => start);
    const newer = await resetTokenFor(user.email);
    expect((await api.post("/api/auth/reset-password", { token, newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await api.post("/api/auth/reset-password", { token: newer, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it("checks the new password against the policy before using the token", async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email);
    const weak = await api.post("/api/auth/reset-password", { token, newPassword: "password" });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: "VALIDATION_ERROR", details: { newPassword: expect.any(String) } });
    expect((await api.post("/api/auth/reset-password", { token, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it("rate-limits reset requests per address, known or not", async () => {
    for (const email of [(await createUser()).user.email, uniqueEmail("ghost")]) {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await api.post("/api/auth/forgot-password", { email })).status);
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    }
  });
});

describe("reset password (002)", () => {
  it("/auth/reset-password {email} sends the link and /auth/reset-password/confirm sets the password", async () => {
    const { user } = await createUser();
    const token = await resetTokenFor(user.email, "/auth/reset-password");
    const missing = await api.post("/auth/reset-password", { email: uniqueEmail("nobody") });
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ message: expect.any(String) });
    const res = await api.post("/auth/reset-password/confirm", { token, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: expect.any(String) });
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    const reused = await api.post("/auth/reset-password/confirm", { token, newPassword: NEW_PASSWORD });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ statusCode: 400, message: "Token invalide ou expiré" });
  });
});

describe("password reset (003)", () => {
  it("request, verify and reset with the token in the path", async () => {
    const { user } = await createUser({ name: "John Doe" });
    const request = await api.post("/api/auth/password-reset/request", { email: user.email });
    expect(request.body).toEqual({ success: true, message: "Un email de réinitialisation a été envoyé à votre adresse.", expiresIn: "1 heure" });
    const unknown = await api.post("/api/auth/password-reset/request", { email: uniqueEmail("nobody") });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(request.body);
    const token = tokenIn((await latestEmail(user.email))!);

    const check = await api.get(`/api/auth/password-reset/verify/${token}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ success: true, message: "Token valide", user: { email: user.email, name: "John Doe" } });
    expect((await api.get(`/api/auth/password-reset/verify/${"f".repeat(64)}`)).status).toBe(400);

    const mismatch = await api.post(`/api/auth/password-reset/reset/${token}`, { password: "NouveauMotDePasse123!", confirmPassword: "Autre123!x" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ details: { confirmPassword: "Les mots de passe ne correspondent pas" } });
    const weak = await api.post(`/api/auth/password-reset/reset/${token}`, { password: "faible", confirmPassword: "faible" });
    expect(weak.status).toBe(400);

    const reset = await api.post(`/api/auth/password-reset/reset/${token}`, { password: "NouveauMotDePasse123!", confirmPassword: "NouveauMotDePasse123!" });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ success: true, message: "Mot de passe réinitialisé avec succès", user: { email: user.email, name: "John Doe" } });
    expect((await api.get(`/api/auth/password-reset/verify/${token}`)).status).toBe(400);
    expect((await api.post(`/api/auth/password-reset/reset/${token}`, { password: "NouveauMotDePasse123!", confirmPassword: "NouveauMotDePasse123!" })).status).toBe(400);
    expect((await login(user.email, "NouveauMotDePasse123!")).status).toBe(200);
  });
});

describe("POST /api/auth/change-password (004 and 002)", () => {
  it("changes the password, keeps the caller's session, revokes the others and mails the owner", async () => {
    const { user, password } = await createUser();
    const mine = await signInApi(user);
    const other = await signInApi(user);
    const res = await api.post("/api/auth/change-password", { currentPassword: password, newPassword: "NewSecurePassword456!" }, { token: mine.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Mot de passe modifié avec succès" });
    expect((await api.get("/api/sessions", { token: mine.accessToken })).status).toBe(200);
    expect((await api.get("/api/sessions", { token: other.accessToken })).status).toBe(401);
    expect((await api.post("/api/auth/refresh", { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await login(user.email, "NewSecurePassword456!")).status).toBe(200);
    expect((await latestEmail(user.email))?.subject).toBe("Votre mot de passe a été modifié");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastPasswordChange).not.toBeNull();
  });

  it("serves 002 at /auth/change-password with its English message", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const res = await api.post("/auth/change-password", { currentPassword: password, newPassword: "NewSecurePassword456!" }, { token: accessToken, headers: { "accept-language": "en" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: "Password updated successfully" });
  });

  it("answers 401 for a wrong current password or no token, 400 for a weak new one", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const wrong = await api.post("/api/auth/change-password", { currentPassword: "Wrong-Password-1", newPassword: "NewSecurePassword456!" }, { token: accessToken });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, statusCode: 401, error: "INVALID_PASSWORD" });
    const noToken = await api.post("/api/auth/change-password", { currentPassword: password, newPassword: "NewSecurePassword456!" });
    expect(noToken.status).toBe(401);
    const short = await api.post("/api/auth/change-password", { currentPassword: password, newPassword: "short" }, { token: accessToken });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ details: { newPassword: "Le mot de passe doit contenir au moins 8 caractères" } });
    expect((await login(user.email, password)).status).toBe(200);
  });
});

describe("guessing the current password", () => {
  it("answers 429 after 5 wrong current passwords in 15 minutes, even with the right one, then recovers", async () => {
    const start = new Date("2036-01-01T00:00:00Z");
    setClock(() => start);
    const { user, password } = await createUser();
    let { accessToken } = await signInApi(user);
    const attempt = (currentPassword: string) =>
      api.post("/api/auth/change-password", { currentPassword, newPassword: "NewSecurePassword456!" }, { token: accessToken });
    for (let i = 0; i < 5; i++) expect((await attempt(`Wrong-Password-${i}`)).status).toBe(401);
    const limited = await attempt(password);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(String(15 * 60));
    setClock(() => new Date(start.getTime() + 15 * 60 * 1000 + 1000));
    ({ accessToken } = await signInApi(user));
    expect((await attempt(password)).status).toBe(200);
  });
});
