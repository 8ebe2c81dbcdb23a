import { describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user } = await createUser(overrides);
  const { accessToken } = await signInApi(user);
  return { user, token: accessToken };
}

describe("seed 002 GET /auth/me (and /api/auth/me)", () => {
  it("answers the documented fields, nulls for what is not filled in, and daysActive from the sign-up date", async () => {
    const { user, token } = await signedIn({ name: "Ada Lovelace" });
    await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - 10 * 24 * 3600 * 1000 - 60_000) } });
    for (const path of ["/auth/me", "/api/auth/me"]) {
      const res = await api.get(path, { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        name: "Ada Lovelace",
        email: user.email,
        role: null,
        location: null,
        phone: null,
        birthDate: null,
        bio: null,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        conversationsCount: 0,
        daysActive: 10,
        hoursSaved: 0,
        avatarUrl: null,
      });
    }
  });

  it("counts days with the service clock", async () => {
    const { token } = await signedIn();
    expect((await api.get("/auth/me", { token })).body.daysActive).toBe(0);
    const realNow = Date.now();
    setClock(() => new Date(realNow + 3 * 24 * 3600 * 1000 + 1000));
    try {
      // Outside the access token's 15 minutes: a fresh sign-in at the moved time.
      const { user } = await createUser();
      await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date(realNow) } });
      const { accessToken } = await signInApi(user);
      expect((await api.get("/auth/me", { token: accessToken })).body.daysActive).toBe(3);
    } finally {
      setClock(undefined);
    }
  });

  it("answers 401 in the error envelope without a valid token", async () => {
    const res = await api.get("/auth/me", { token: "garbage" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: expect.any(String), error: "INVALID_TOKEN" });
  });
});

describe("seed 002 PATCH /auth/me", () => {
  it("updates any documented field and answers {message: 'Profile updated'}", async () => {
    const { user, token } = await signedIn();
    const res = await api.patch(
      "/auth/me",
      {
        name: "Grace Brewster Hopper",
        role: "AI Enthusiast",
        location: "San Francisco, CA",
        phone: "+1 (555) 123-4567",
        birthDate: "1990-12-09",
        bio: "AI Enthusiast | Tech Explorer",
        conversationsCount: 42,
        hoursSaved: 7,
      },
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Profile updated" });
    const me = await api.get("/auth/me", { token });
    expect(me.body).toMatchObject({
      name: "Grace Brewster Hopper",
      role: "AI Enthusiast",
      location: "San Francisco, CA",
      phone: "+1 (555) 123-4567",
      birthDate: "1990-12-09",
      bio: "AI Enthusiast | Tech Explorer",
      conversationsCount: 42,
      hoursSaved: 7,
    });
    // A display name alone is split at the first space (docs/contracts/mobile.md, "Rules shared with other clients").
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.firstName, row.lastName]).toEqual(["Grace", "Brewster Hopper"]);
  });

  it("clears a field with null and leaves the others alone", async () => {
    const { token } = await signedIn();
    await api.patch("/auth/me", { role: "Pilot", bio: "Hi" }, { token });
    await api.patch("/auth/me", { role: null }, { token });
    expect((await api.get("/auth/me", { token })).body).toMatchObject({ role: null, bio: "Hi" });
  });

  it("refuses bad values field by field, in English when asked", async () => {
    const { token } = await signedIn();
    const res = await api.patch(
      "/auth/me",
      { birthDate: "2024-02-30", conversationsCount: -1, hoursSaved: 1.5, phone: "abc", bio: "x".repeat(5000), name: "" },
      { token, headers: { "accept-language": "en" } },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: "VALIDATION_ERROR", message: "Invalid data" });
    expect(Object.keys(res.body.details as object).sort()).toEqual(["bio", "birthDate", "conversationsCount", "hoursSaved", "name", "phone"]);
    expect((res.body.details as Record<string, string>).conversationsCount).toBe("Must be a non-negative integer");
    const future = await api.patch("/auth/me", { birthDate: "2999-01-01" }, { token });
    expect(future.status).toBe(400);
    const iso = await api.patch("/auth/me", { birthDate: "1990-12-09T00:00:00Z" }, { token });
    expect(iso.status).toBe(400);
  });

  it("refuses fields outside the document (mass assignment)", async () => {
    const { user, token } = await signedIn();
    for (const body of [{ email: "x@example.com" }, { id: "x" }, { createdAt: "2000-01-01T00:00:00Z" }, { daysActive: 1000 }, { active: false }, { emailVerified: true }]) {
      const res = await api.patch("/auth/me", body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details).toHaveProperty([Object.keys(body)[0]!]);
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ email: user.email, active: true, emailVerified: null });
  });
});
