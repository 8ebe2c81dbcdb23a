import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { statementsOf } from "../support/statements";

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user } = await createUser(overrides);
  const { accessToken } = await signInApi(user);
  return { user, token: accessToken };
}

describe("seed 004 GET /api/me", () => {
  it("costs two statements: the caller check, then the profile with its 2FA and linked accounts", async () => {
    const { user, token } = await signedIn();
    await prisma.account.create({ data: { userId: user.id, type: "oauth", provider: "google", providerAccountId: "g-1" } });
    const statements = await statementsOf(async () => expect((await api.get("/api/me", { token })).status).toBe(200));
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/"TwoFactor".*"Account"/s);
  });

  it("answers data.user with verification and 2FA times", async () => {
    const verifiedAt = new Date("2024-01-01T00:00:00.000Z");
    const { user, token } = await signedIn({ firstName: "John", lastName: "Doe", emailVerified: verifiedAt });
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: "x", enabledAt: new Date("2024-02-01T00:00:00.000Z") } });
    const res = await api.get("/api/me", { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        user: {
          id: user.id,
          email: user.email,
          firstName: "John",
          lastName: "Doe",
          emailVerified: true,
          emailVerifiedAt: "2024-01-01T00:00:00.000Z",
          twoFactorEnabled: true,
          twoFactorEnabledAt: "2024-02-01T00:00:00.000Z",
          avatarUrl: null,
          createdAt: user.createdAt.toISOString(),
          updatedAt: expect.stringMatching(/^\d{4}-/),
        },
      },
    });
  });

  it("shows the avatar URL in the 002, 003 and 004 shapes too (docs/contracts/README.md, Avatars)", async () => {
    const { user, token } = await signedIn();
    const url = "https://example.com/photo.jpg";
    await prisma.user.update({ where: { id: user.id }, data: { image: url } });
    expect((await api.get("/api/me", { token })).body).toMatchObject({ data: { user: { avatarUrl: url } } });
    expect((await api.get("/auth/me", { token })).body).toMatchObject({ avatarUrl: url });
    expect((await api.get(`/api/users/profile/${encodeURIComponent(user.email)}`, { token })).body).toMatchObject({ user: { avatar_url: url } });
  });

  it("shows 2FA off while its set-up is pending", async () => {
    const { user, token } = await signedIn();
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: "x" } });
    expect((await api.get("/api/me", { token })).body).toMatchObject({
      data: { user: { emailVerified: false, emailVerifiedAt: null, twoFactorEnabled: false, twoFactorEnabledAt: null } },
    });
  });
});

describe("seed 004 PATCH /api/me", () => {
  it("updates first and last name (and the display name) with the documented answer", async () => {
    const { user, token } = await signedIn({ emailVerified: new Date() });
    const res = await api.patch("/api/me", { firstName: "Jane", lastName: "Smith" }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: "Profil mis à jour avec succès",
      data: { user: { id: user.id, email: user.email, firstName: "Jane", lastName: "Smith", emailVerified: true } },
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Jane Smith");
    const en = await api.patch("/api/me", { lastName: "Doe" }, { token, headers: { "accept-language": "en" } });
    expect(en.body).toMatchObject({ message: "Profile updated successfully", data: { user: { firstName: "Jane", lastName: "Doe" } } });
  });

  it("refuses privileged fields and bad values, changing nothing", async () => {
    const { user, token } = await signedIn();
    for (const body of [
      { firstName: "Ok", emailVerified: true },
      { twoFactorEnabled: true },
      { email: "other@example.com" },
      { id: "someone" },
      { passwordHash: "x" },
      { role: "admin" },
      { userType: "admin" },
      { firstName: "" },
      { firstName: "x".repeat(101) },
      { lastName: 42 },
    ]) {
      const res = await api.patch("/api/me", body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ success: false, statusCode: 400, error: "VALIDATION_ERROR" });
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ firstName: "Test", email: user.email, emailVerified: null, role: null, userType: "user", passwordHash: user.passwordHash });
  });

  it("keeps both of two concurrent updates of first and last name, in the display name too", async () => {
    const { user, token } = await signedIn();
    const answers = await Promise.all([api.patch("/api/me", { firstName: "Ada" }, { token }), api.patch("/api/me", { lastName: "Lovelace" }, { token })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ firstName: "Ada", lastName: "Lovelace", name: "Ada Lovelace" });
  });

  it("needs a token", async () => {
    expect((await api.patch("/api/me", { firstName: "X" })).status).toBe(401);
  });
});
