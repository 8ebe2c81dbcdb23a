import { describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, signInApi } from "../support/fixtures";

/** A user with something in every table that hangs off an account. */
async function richUser() {
  const { user } = await createUser({ emailVerified: new Date(), phone: "+33612345678" });
  const { accessToken, refreshToken, sessionId } = await signInApi(user);
  const other = await signInApi(user);
  await prisma.account.create({ data: { userId: user.id, type: "oidc", provider: "google", providerAccountId: `g-${user.id}`, access_token: "ya29.secret-google-token", refresh_token: "1//secret-refresh" } });
  await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: "v1.secret.totp.value", enabledAt: new Date() } });
  await prisma.backupCode.createMany({ data: [{ userId: user.id, codeHash: "hash-of-backup-1" }, { userId: user.id, codeHash: "hash-of-backup-2", usedAt: new Date() }] });
  await prisma.verification.create({ data: { userId: user.id, purpose: "EMAIL_CHANGE", tokenHash: `hash-${user.id}`, target: "next@example.com", expiresAt: new Date(Date.now() + 3600_000) } });
  await prisma.loginEvent.createMany({
    data: [
      { userId: user.id, email: user.email, success: true, deviceLabel: "Chrome/Linux" },
      { userId: null, email: user.email, success: false, reason: "INVALID_CREDENTIALS" },
    ],
  });
  await prisma.notificationPreferences.create({ data: { userId: user.id, email: { marketingEmails: true }, push: {}, desktop: {} } });
  await prisma.integrationConnection.create({ data: { userId: user.id, integrationId: "slack", accessTokenEncrypted: "v1.secret.slack.token", scope: "chat:write" } });
  return { user, token: accessToken, refreshToken, sessionId, other };
}

describe("seed 004 DELETE /api/me", () => {
  it("refuses a wrong or missing password and keeps the account", async () => {
    const { user, token } = await richUser();
    const wrong = await api.delete("/api/me", { password: "Wrong-Password1" }, { token });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, error: "INVALID_PASSWORD" });
    const missing = await api.delete("/api/me", undefined, { token });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toHaveProperty("password");
    expect(await prisma.user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });

  it("deletes the user and everything attached, and refuses every token of the account at once", async () => {
    const { user, token, other } = await richUser();
    const res = await api.delete("/api/me", { password: DEFAULT_PASSWORD }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Compte supprimé avec succès" });

    const where = { userId: user.id };
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await prisma.session.count({ where })).toBe(0);
    expect(await prisma.account.count({ where })).toBe(0);
    expect(await prisma.twoFactor.count({ where })).toBe(0);
    expect(await prisma.backupCode.count({ where })).toBe(0);
    expect(await prisma.verification.count({ where })).toBe(0);
    expect(await prisma.loginEvent.count({ where: { email: user.email } })).toBe(0);
    expect(await prisma.notificationPreferences.count({ where })).toBe(0);
    expect(await prisma.integrationConnection.count({ where })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { type: "ACCOUNT_DELETED", metadata: { equals: { userId: user.id } } } })).toBe(1);

    for (const bearer of [token, other.accessToken]) {
      for (const url of ["/api/me", "/auth/me", "/api/users/profile", "/api/auth/userinfo"]) {
        const res = await api.get(url, { token: bearer });
        expect(res.status, url).toBe(401);
      }
    }
    // The address is free again.
    await createUser({ email: user.email });
  });

  it("lets an account without a password (social sign-in only) delete itself within 10 minutes of signing in", async () => {
    const { user } = await createUser({ password: null });
    const fresh = await signInApi(user);
    const start = Date.now();
    setClock(() => new Date(start + 11 * 60 * 1000));
    try {
      const stale = await api.delete("/api/me", { password: "anything" }, { token: fresh.accessToken });
      expect(stale.status).toBe(403);
      expect(stale.body).toMatchObject({ error: "REAUTH_REQUIRED" });
    } finally {
      setClock(undefined);
    }
    const res = await api.delete("/api/me", { password: "anything" }, { token: fresh.accessToken });
    expect(res.status).toBe(200);
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
  });

  it("deletes once under concurrent requests", async () => {
    const { token } = await richUser();
    const answers = await Promise.all([1, 2, 3].map(() => api.delete("/api/me", { password: DEFAULT_PASSWORD }, { token })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 401 || s === 404)).toBe(true);
    expect(answers.every((a) => a.status < 500)).toBe(true);
  });
});

describe("GET /api/me/export", () => {
  it("answers a JSON download of everything stored about the caller, without secrets or hashes", async () => {
    const { user, token } = await richUser();
    const res = await api.get("/api/me/export", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="account-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.body).toMatchObject({
      exportedAt: expect.any(String),
      user: { id: user.id, email: user.email, phone: "+33612345678", hasPassword: true },
      twoFactor: { enabled: true, method: "app", backupCodesRemaining: 1 },
      socialAccounts: [{ provider: "google" }],
      notificationPreferences: { email: { marketingEmails: true, newMessages: true } },
      integrations: [{ id: "slack", scope: "chat:write" }],
      pendingVerifications: [{ purpose: "EMAIL_CHANGE", target: "next@example.com" }],
    });
    expect((res.body.sessions as unknown[]).length).toBe(2);
    expect((res.body.loginHistory as unknown[]).length).toBe(1);

    const dump = res.text;
    for (const secret of [user.passwordHash!, "ya29.secret-google-token", "1//secret-refresh", "v1.secret.totp.value", "hash-of-backup", `hash-${user.id}`, "v1.secret.slack.token"]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).not.toMatch(/refreshTokenHash|passwordHash|secretEncrypted|codeHash|tokenHash|accessTokenEncrypted/);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "DATA_EXPORTED" } })).toBe(1);
  });

  it("needs a token with the account scope", async () => {
    expect((await api.get("/api/me/export")).status).toBe(401);
    const { user } = await createUser();
    const { accessToken } = await signInApi(user, { scopes: ["profile"] });
    const res = await api.get("/api/me/export", { token: accessToken });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect((await api.delete("/api/me", { password: DEFAULT_PASSWORD }, { token: accessToken })).status).toBe(403);
  });
});
