import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, signInApi } from "../support/fixtures";
import { statementsOf } from "../support/statements";

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user } = await createUser(overrides);
  const { accessToken, sessionId } = await signInApi(user);
  return { user, token: accessToken, sessionId };
}

const path = (email: string) => `/api/users/profile/${encodeURIComponent(email)}`;

describe("seed 003 GET /api/users/profile/:email", () => {
  it("answers the caller's own profile in the documented shape", async () => {
    const { user, token } = await signedIn({ name: "John Doe", emailVerified: new Date() });
    const res = await api.get(path(user.email), { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      user: {
        id: user.id,
        name: "John Doe",
        email: user.email,
        is_active: true,
        email_verified: true,
        created_at: user.createdAt.toISOString(),
        updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        avatar_url: null,
      },
    });
    const mixedCase = await api.get(path(user.email.toUpperCase()), { token });
    expect(mixedCase.status).toBe(200);
  });

  it("answers from the caller check's own read: one statement", async () => {
    const { user, token } = await signedIn();
    const statements = await statementsOf(async () => expect((await api.get(path(user.email), { token })).status).toBe(200));
    expect(statements).toHaveLength(1);
  });

  it("is_active means verified and not disabled", async () => {
    const { user, token } = await signedIn();
    expect((await api.get(path(user.email), { token })).body.user).toMatchObject({ is_active: false, email_verified: false });
  });

  it("never serves another account: 403 whether or not the address exists", async () => {
    const { token } = await signedIn();
    const { user: other } = await createUser({ name: "Someone Else" });
    for (const email of [other.email, "nobody@example.com"]) {
      for (const method of ["GET", "PUT", "DELETE"]) {
        const res = await api.request(method, path(email), { token, json: method === "GET" ? undefined : method === "PUT" ? { name: "Hacked" } : { password: DEFAULT_PASSWORD } });
        expect(res.status, `${method} ${email}`).toBe(403);
        expect(res.body).toMatchObject({ success: false, error: "FORBIDDEN" });
        expect(res.text).not.toContain("Someone Else");
      }
    }
    expect(await prisma.user.findUnique({ where: { id: other.id } })).toMatchObject({ name: "Someone Else" });
  });

  it("needs a token", async () => {
    const { user } = await createUser();
    expect((await api.get(path(user.email))).status).toBe(401);
  });
});

describe("seed 003 PUT /api/users/profile/:email", () => {
  it("updates the name and answers the documented shape", async () => {
    const { user, token } = await signedIn();
    const res = await api.put(path(user.email), { name: "Jane Doe" }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: "Profil mis à jour avec succès",
      user: { id: user.id, name: "Jane Doe", email: user.email, updated_at: expect.stringMatching(/^\d{4}-/) },
    });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.firstName, row.lastName]).toEqual(["Jane", "Doe"]);
  });

  it("changes the password with the current one, signing out other sessions", async () => {
    const { user, token } = await signedIn();
    const other = await signInApi(user);
    const res = await api.put(path(user.email), { name: "Jane Doe", currentPassword: DEFAULT_PASSWORD, newPassword: "nouveauMotDePasse123!" }, { token });
    expect(res.status).toBe(200);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastPasswordChange).not.toBeNull();
    expect((await api.get(path(user.email), { token })).status).toBe(200);
    expect((await api.get(path(user.email), { token: other.accessToken })).status).toBe(401);
  });

  it("changes nothing when the current password is wrong or missing", async () => {
    const { user, token } = await signedIn();
    const wrong = await api.put(path(user.email), { name: "Changed", currentPassword: "wrong", newPassword: "nouveauMotDePasse123!" }, { token });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "INVALID_PASSWORD" });
    const missing = await api.put(path(user.email), { newPassword: "nouveauMotDePasse123!" }, { token });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toHaveProperty("currentPassword");
    const weak = await api.put(path(user.email), { currentPassword: DEFAULT_PASSWORD, newPassword: "faible" }, { token });
    expect(weak.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Test User");
  });

  it("refuses other fields (mass assignment)", async () => {
    const { user, token } = await signedIn();
    for (const body of [{ email: "new@example.com" }, { is_active: true }, { email_verified: true }, { role: "admin" }]) {
      const res = await api.put(path(user.email), body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("seed 003 DELETE /api/users/profile/:email", () => {
  it("deletes the account with its password and refuses its tokens at once", async () => {
    const { user, token } = await signedIn();
    const wrong = await api.delete(path(user.email), { password: "motDePasseFaux" }, { token });
    expect(wrong.status).toBe(401);
    expect(await prisma.user.findUnique({ where: { id: user.id } })).not.toBeNull();
    const missing = await api.delete(path(user.email), {}, { token });
    expect(missing.status).toBe(400);

    const res = await api.delete(path(user.email), { password: DEFAULT_PASSWORD }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Compte supprimé avec succès" });
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect((await api.get(path(user.email), { token })).status).toBe(401);
  });
});
