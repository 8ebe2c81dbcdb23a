import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { generateTotpCode } from "@/lib/services/two-factor/totp";
import { api } from "../support/app-client";
import { latestEmail, tokenIn, uniqueEmail } from "../support/fixtures";

afterEach(() => setClock(undefined));

type Json = Record<string, unknown>;
type Data<T> = { success: boolean; message?: string; data: T };
type Tokens = { accessToken: string; refreshToken: string };

/** Moves the injected clock forward, so each TOTP code falls in a new time step. */
function clockFrom(start: Date) {
  let offset = 0;
  setClock(() => new Date(start.getTime() + offset));
  return (ms: number) => {
    offset += ms;
  };
}

describe("seed 004: the Postman collection, run end to end", () => {
  // About forty requests in a row: a generous timeout keeps a busy machine from failing it.
  it("runs requests 1 to 20 as documented", { timeout: 120_000 }, async () => {
    const advance = clockFrom(new Date());
    const email = uniqueEmail("john.doe");
    const env: Record<string, string> = {};
    // Postman's test script: save the tokens of login and register.
    const saveTokens = (status: number, body: Json) => {
      const data = body.data as { tokens?: Tokens } | undefined;
      if ((status === 200 || status === 201) && data?.tokens) {
        env.accessToken = data.tokens.accessToken;
        env.refreshToken = data.tokens.refreshToken;
      }
    };

    // 1. Register
    const register = await api.post("/api/auth/register", { email, password: "SecurePassword123!", firstName: "John", lastName: "Doe" });
    expect(register.status).toBe(201);
    expect(register.body).toMatchObject({
      success: true,
      message: "Inscription réussie. Un email de vérification a été envoyé.",
      data: { user: { id: expect.any(String), email, firstName: "John", lastName: "Doe", emailVerified: false }, tokens: { accessToken: expect.any(String), refreshToken: expect.any(String) } },
    });
    saveTokens(register.status, register.body);

    // 2. Login (no 2FA)
    const login = await api.post("/api/auth/login", { email, password: "SecurePassword123!" });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      success: true,
      message: "Connexion réussie",
      data: { user: { id: expect.any(String), email, firstName: "John", lastName: "Doe", emailVerified: false, twoFactorEnabled: false }, tokens: { accessToken: expect.any(String), refreshToken: expect.any(String) } },
    });
    saveTokens(login.status, login.body);

    // 3. Refresh
    const refresh = await api.post<Data<{ accessToken: string }>>("/api/auth/refresh", { refreshToken: env.refreshToken });
    expect(refresh.status).toBe(200);
    expect(refresh.body).toEqual({ success: true, data: { accessToken: expect.any(String) } });

    // 4. Logout (bearer + refreshToken), then sign in again for the rest of the run
    const logout = await api.post("/api/auth/logout", { refreshToken: env.refreshToken }, { token: env.accessToken });
    expect(logout.body).toEqual({ success: true, message: "Déconnexion réussie" });
    expect((await api.post("/api/auth/refresh", { refreshToken: env.refreshToken })).status).toBe(401);
    const again = await api.post("/api/auth/login", { email, password: "SecurePassword123!" });
    saveTokens(again.status, again.body);

    // 5. Change password
    const change = await api.post("/api/auth/change-password", { currentPassword: "SecurePassword123!", newPassword: "NewSecurePassword456!" }, { token: env.accessToken });
    expect(change.body).toEqual({ success: true, message: "Mot de passe modifié avec succès" });

    // 6. Send verification email (no body), 7. Verify
    const send = await api.request("POST", "/api/auth/send-verification", { token: env.accessToken });
    expect(send.body).toEqual({ success: true, message: "Email de vérification envoyé" });
    const verify = await api.post("/api/auth/verify", { token: tokenIn((await latestEmail(email))!) });
    expect(verify.body).toEqual({ success: true, message: "Email vérifié avec succès" });

    // 8. Forgot password, 9. Reset password
    const forgot = await api.post("/api/auth/forgot-password", { email });
    expect(forgot.body).toEqual({ success: true, message: "Si cet email existe, un lien de réinitialisation a été envoyé" });
    const reset = await api.post("/api/auth/reset-password", { token: tokenIn((await latestEmail(email))!), newPassword: "NewSecurePassword789!" });
    expect(reset.body).toEqual({ success: true, message: "Mot de passe réinitialisé avec succès" });
    // The reset signed every session out: sign in with the new password.
    expect((await api.get("/api/sessions", { token: env.accessToken })).status).toBe(401);
    const afterReset = await api.post("/api/auth/login", { email, password: "NewSecurePassword789!" });
    expect(afterReset.status).toBe(200);
    saveTokens(afterReset.status, afterReset.body);

    // 10. Enable 2FA (step 1), 11. (step 2)
    const enable = await api.post<Data<{ secret: string; qrCode: string; manualEntryKey: string }>>("/api/auth/2fa/enable", {}, { token: env.accessToken });
    expect(enable.status).toBe(200);
    expect(enable.body.data).toMatchObject({ secret: expect.any(String), qrCode: expect.stringMatching(/^data:image\/png;base64,/), manualEntryKey: enable.body.data.secret });
    const secret = enable.body.data.secret;
    const confirm = await api.post("/api/auth/2fa/enable", { token: generateTotpCode(secret) }, { token: env.accessToken });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({ success: true, message: "2FA activé avec succès" });

    // 2 again, with 2FA on: requires2FA + tempToken, then 12. Verify 2FA
    advance(31_000);
    const challenged = await api.post("/api/auth/login", { email, password: "NewSecurePassword789!" });
    expect(challenged.body).toEqual({ success: true, message: "Vérification 2FA requise", requires2FA: true, tempToken: expect.any(String) });
    env.tempToken = challenged.body.tempToken as string;
    const verified2fa = await api.post("/api/auth/2fa/verify", { tempToken: env.tempToken, token: generateTotpCode(secret) });
    expect(verified2fa.status).toBe(200);
    expect(verified2fa.body).toMatchObject({ success: true, message: "Connexion réussie", data: { user: expect.any(Object), tokens: { accessToken: expect.any(String), refreshToken: expect.any(String) } } });
    saveTokens(verified2fa.status, verified2fa.body);

    // 13. Disable 2FA
    advance(31_000);
    const disable = await api.post("/api/auth/2fa/disable", { token: generateTotpCode(secret) }, { token: env.accessToken });
    expect(disable.status).toBe(200);
    expect(disable.body).toMatchObject({ success: true, message: "2FA désactivé avec succès" });

    // 14. Sessions, 15. Revoke one, 16. Revoke the others
    const other = await api.post("/api/auth/login", { email, password: "NewSecurePassword789!" });
    const otherTokens = (other.body.data as { tokens: Tokens }).tokens;
    const sessions = await api.get<Data<{ sessions: { id: string; isCurrent: boolean }[] }>>("/api/sessions", { token: env.accessToken });
    expect(sessions.status).toBe(200);
    const current = sessions.body.data.sessions.find((s) => s.isCurrent)!;
    const notCurrent = sessions.body.data.sessions.filter((s) => !s.isCurrent);
    expect(notCurrent.length).toBeGreaterThan(0);
    const revokeOne = await api.delete(`/api/sessions/${notCurrent[0]!.id}`, undefined, { token: env.accessToken });
    expect(revokeOne.body).toEqual({ success: true, message: "Session révoquée avec succès" });
    const revokeOthers = await api.delete("/api/sessions/others/revoke", { currentSessionId: current.id }, { token: env.accessToken });
    expect(revokeOthers.body).toEqual({ success: true, message: "Toutes les autres sessions ont été révoquées" });
    expect((await api.get("/api/sessions", { token: otherTokens.accessToken })).status).toBe(401);

    // 17. Profile, 18. Update
    const me = await api.get<Data<{ user: Json }>>("/api/me", { token: env.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.data.user).toMatchObject({ email, firstName: "John", lastName: "Doe", emailVerified: true, twoFactorEnabled: false });
    const patch = await api.patch("/api/me", { firstName: "Jane", lastName: "Smith" }, { token: env.accessToken });
    expect(patch.body).toMatchObject({ success: true, message: "Profil mis à jour avec succès", data: { user: { firstName: "Jane", lastName: "Smith" } } });

    // 20. Login history (before 19 deletes the account)
    const history = await api.get<Data<{ history: Json[]; total: number; limit: number; offset: number }>>("/api/me/history?limit=10&offset=0", { token: env.accessToken });
    expect(history.status).toBe(200);
    expect(history.body.data).toMatchObject({ limit: 10, offset: 0, total: expect.any(Number) });
    expect(history.body.data.history[0]).toEqual({ id: expect.any(String), ipAddress: null, userAgent: null, success: true, createdAt: expect.any(String) });

    // 19. Delete the account
    const del = await api.delete("/api/me", { password: "NewSecurePassword789!" }, { token: env.accessToken });
    expect(del.body).toEqual({ success: true, message: "Compte supprimé avec succès" });
    expect((await api.post("/api/auth/login", { email, password: "NewSecurePassword789!" })).status).toBe(401);
  });
});

describe("seed 002: the Flutter client's calls, at the root paths", () => {
  it("register, login, signin, me, change password, reset by link", { timeout: 60_000 }, async () => {
    const email = uniqueEmail("flutter");
    const register = await api.post("/auth/register", { name: "Ada Lovelace", email, password: "SecurePassword123!" });
    expect(register.status).toBe(201);
    expect(register.body).toMatchObject({ user: { id: expect.any(String), name: "Ada Lovelace", email }, accessToken: expect.any(String) });

    const login = await api.post("/auth/login", { email, password: "SecurePassword123!" });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { id: expect.any(String), name: "Ada Lovelace", email }, accessToken: expect.any(String) });
    const signin = await api.post("/auth/signin", { email, password: "SecurePassword123!" });
    expect(signin.status).toBe(200);
    const accessToken = signin.body.accessToken as string;

    const wrong = await api.post("/auth/login", { email, password: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, message: expect.any(String), error: expect.any(String) });
    const duplicate = await api.post("/auth/register", { name: "Other", email, password: "SecurePassword123!" });
    expect(duplicate.status).toBe(409);

    const me = await api.get("/auth/me", { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: expect.any(String), name: "Ada Lovelace", email, daysActive: expect.any(Number) });

    const change = await api.post("/auth/change-password", { currentPassword: "SecurePassword123!", newPassword: "NewSecurePassword456!" }, { token: accessToken });
    expect(change.status).toBe(200);
    expect(change.body).toMatchObject({ message: expect.any(String) });
    const tooShort = await api.post("/auth/change-password", { currentPassword: "NewSecurePassword456!", newPassword: "short" }, { token: accessToken });
    expect(tooShort.status).toBe(400);
    const wrongCurrent = await api.post("/auth/change-password", { currentPassword: "bad", newPassword: "NewSecurePassword457!" }, { token: accessToken });
    expect(wrongCurrent.status).toBe(401);

    const ask = await api.post("/auth/reset-password", { email });
    expect(ask.status).toBe(200);
    expect(ask.body).toMatchObject({ message: expect.any(String) });
    const confirm = await api.post("/auth/reset-password/confirm", { token: tokenIn((await latestEmail(email))!), newPassword: "NewSecurePassword789!" });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({ message: expect.any(String) });
    const bad = await api.post("/auth/reset-password/confirm", { token: "x", newPassword: "NewSecurePassword789!" });
    expect(bad.status).toBe(400);
    expect((await api.post("/auth/login", { email, password: "NewSecurePassword789!" })).status).toBe(200);

    const health = await api.get("/health");
    expect(health.body).toMatchObject({ status: "ok" });
  });
});

describe("seed 003: the NutriScan client's calls, as its examples make them", () => {
  it("register, verify the email, log in, status, reset the password, log out", { timeout: 60_000 }, async () => {
    const email = uniqueEmail("nutri");
    // useAuth's register
    const register = await api.post("/api/users/register", { name: "John Doe", email, password: "MotDePasse123!", confirmPassword: "MotDePasse123!" });
    expect(register.status).toBe(201);
    expect(register.body).toMatchObject({ success: true, user: { name: "John Doe", email, is_active: false, email_verified: false }, emailSent: true });

    const send = await api.post("/api/verification/send", { email });
    expect(send.body).toEqual({ success: true, message: "Email de vérification envoyé", expiresIn: "24 heures" });
    const resend = await api.post("/api/verification/resend", { email });
    expect(resend.body).toEqual({ success: true, message: "Nouvel email de vérification envoyé", expiresIn: "24 heures" });
    const verify = await api.get(`/api/verification/verify/${tokenIn((await latestEmail(email))!)}`);
    expect(verify.body).toEqual({ success: true, message: "Email vérifié avec succès", user: { email, email_verified: true, is_active: true } });

    // useAuth's login: data.user is stored
    const login = await api.post("/api/auth/login", { email, password: "MotDePasse123!" });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      success: true,
      message: "Connexion réussie",
      user: { id: expect.any(String), email, name: "John Doe", is_active: true, email_verified: true, created_at: expect.any(String) },
    });
    const accessToken = login.body.accessToken as string;
    const missing = await api.post("/api/auth/login", { email });
    expect(missing.status).toBe(400);
    const wrong = await api.post("/api/auth/login", { email, password: "motdepasse123" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, message: expect.any(String), error: "INVALID_CREDENTIALS" });

    const status = await api.get(`/api/auth/status/${email}`, { token: accessToken });
    expect(status.body).toMatchObject({ success: true, user: { email, is_active: true, email_verified: true, last_login: expect.any(String) } });

    const request = await api.post("/api/auth/password-reset/request", { email });
    expect(request.body).toEqual({ success: true, message: "Un email de réinitialisation a été envoyé à votre adresse.", expiresIn: "1 heure" });
    const token = tokenIn((await latestEmail(email))!);
    expect((await api.get(`/api/auth/password-reset/verify/${token}`)).body).toEqual({ success: true, message: "Token valide", user: { email, name: "John Doe" } });
    const reset = await api.post(`/api/auth/password-reset/reset/${token}`, { password: "NouveauMotDePasse123!", confirmPassword: "NouveauMotDePasse123!" });
    expect(reset.body).toEqual({ success: true, message: "Mot de passe réinitialisé avec succès", user: { email, name: "John Doe" } });

    const again = await api.post("/api/auth/login", { email, password: "NouveauMotDePasse123!" });
    // useAuth's logout sends only {email}; with the bearer it signs this session out.
    const logout = await api.post("/api/auth/logout", { email }, { token: again.body.accessToken as string });
    expect(logout.body).toEqual({ success: true, message: "Déconnexion réussie" });
    expect((await api.get(`/api/auth/status/${email}`, { token: again.body.accessToken as string })).status).toBe(401);
    const anonymous = await api.post("/api/auth/logout", { email });
    expect(anonymous.body).toEqual({ success: true, message: "Déconnexion réussie" });
  });
});
