import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";

const photo = async () => {
  const data = new FormData();
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#888" } }).jpeg().toBuffer();
  data.append("photo", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "photo.jpg");
  return data;
};

async function filesOf(userId: string): Promise<string[]> {
  try {
    return await readdir(path.join(path.resolve(env().UPLOAD_DIR), "avatars", userId));
  } catch {
    return [];
  }
}

async function oauthClient(scopes = ["profile"]) {
  const { user } = await createUser({ firstName: "John", lastName: "Doe", name: "John Doe", emailVerified: new Date(), locale: "fr", phone: "+33123456789" });
  const { accessToken } = await signInApi(user, { scopes });
  return { user, token: accessToken };
}

describe("seed 001 scope check", () => {
  it.each([
    ["GET", "/api/auth/profile"],
    ["PUT", "/api/auth/profile"],
    ["POST", "/api/auth/profile/photo"],
    ["DELETE", "/api/auth/profile/photo"],
    ["GET", "/api/auth/userinfo"],
  ])("%s %s needs scope profile: 403 insufficient_scope otherwise, 401 without a token", async (method, url) => {
    const { token } = await oauthClient(["email"]);
    const res = await api.request(method, url, { token, json: method === "PUT" ? { given_name: "X" } : undefined });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer error="insufficient_scope"/);
    const anonymous = await api.request(method, url);
    expect(anonymous.status).toBe(401);
    const bad = await api.request(method, url, { token: "not-a-token" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });

  it("lets a first-party sign-in token (every scope) through", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    expect((await api.get("/api/auth/profile", { token: accessToken })).status).toBe(200);
  });
});

describe("seed 001 GET /api/auth/profile and /api/auth/userinfo", () => {
  it("answers the documented claims with Unix-second times", async () => {
    const { user, token } = await oauthClient();
    await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date("2022-01-01T00:00:00Z") } });
    const res = await api.get("/api/auth/profile", { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sub: user.id,
      email: user.email,
      email_verified: true,
      name: "John Doe",
      given_name: "John",
      family_name: "Doe",
      phone_number: "+33123456789",
      locale: "fr",
      picture: null,
      updated_at: expect.any(Number),
      user_type: "user",
      is_active: true,
      created_at: 1640995200,
    });
    expect(Number.isInteger(res.body.created_at)).toBe(true);
  });

  it("adds the linked social accounts to userinfo, and the uploaded photo to both", async () => {
    const { user, token } = await oauthClient();
    await prisma.account.create({
      data: { userId: user.id, type: "oidc", provider: "google", providerAccountId: `g-${user.id}`, createdAt: new Date("2022-01-01T00:00:00Z") },
    });
    const upload = await api.request("POST", "/api/auth/profile/photo", { token, body: await photo() });
    const info = await api.get("/api/auth/userinfo", { token });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ sub: user.id, picture: upload.body.picture, social_accounts: [{ provider: "google", provider_type: "oauth", linked_at: 1640995200 }] });
    expect((await api.get("/api/auth/profile", { token })).body.picture).toBe(upload.body.picture);
  });
});

describe("seed 001 PUT /api/auth/profile", () => {
  it("updates the claims, an external picture_url included, and answers the documented shape", async () => {
    const { token } = await oauthClient();
    const res = await api.put(
      "/api/auth/profile",
      { given_name: "Jane", family_name: "Smith", phone_number: "+33987654321", locale: "en", picture_url: "https://example.com/photo.jpg" },
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: "Profile updated successfully",
      profile: { given_name: "Jane", family_name: "Smith", phone_number: "+33987654321", locale: "en", picture: "https://example.com/photo.jpg", updated_at: expect.any(Number) },
    });
    expect((await api.get("/api/auth/profile", { token })).body).toMatchObject({ name: "Jane Smith", picture: "https://example.com/photo.jpg" });
  });

  it("deletes a hosted photo that an external picture_url replaces", async () => {
    const { user, token } = await oauthClient();
    await api.request("POST", "/api/auth/profile/photo", { token, body: await photo() });
    expect(await filesOf(user.id)).toHaveLength(1);
    await api.put("/api/auth/profile", { picture_url: "https://example.com/elsewhere.png" }, { token });
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("refuses a non-http(s) picture_url, a bad locale and privileged claims", async () => {
    const { user, token } = await oauthClient();
    for (const [body, field] of [
      [{ picture_url: "javascript:alert(1)" }, "picture_url"],
      [{ picture_url: "data:image/png;base64,AAAA" }, "picture_url"],
      [{ locale: "<script>" }, "locale"],
      [{ email_verified: true }, "email_verified"],
      [{ sub: "someone-else" }, "sub"],
      [{ user_type: "admin" }, "user_type"],
      [{ is_active: true }, "is_active"],
    ] as const) {
      const res = await api.put("/api/auth/profile", body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details).toHaveProperty([field]);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).userType).toBe("user");
  });
});

describe("seed 001 POST/DELETE /api/auth/profile/photo", () => {
  it("uploads, replaces (old file deleted) and deletes the photo with the documented answers", async () => {
    const { user, token } = await oauthClient();
    const first = await api.request("POST", "/api/auth/profile/photo", { token, body: await photo() });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true, message: "Profile photo updated successfully", picture: expect.stringMatching(/^http:\/\/localhost:3000\/api\/files\/avatars\//), updated_at: expect.any(Number) });
    const second = await api.request("POST", "/api/auth/profile/photo", { token, body: await photo() });
    expect(second.body.picture).not.toBe(first.body.picture);
    expect(await filesOf(user.id)).toEqual([path.basename(second.body.picture as string)]);

    const removed = await api.delete("/api/auth/profile/photo", undefined, { token });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ success: true, message: "Profile photo deleted successfully", updated_at: expect.any(Number) });
    expect(await filesOf(user.id)).toEqual([]);
    expect((await api.get("/api/auth/userinfo", { token })).body.picture).toBeNull();
    expect((await api.delete("/api/auth/profile/photo", undefined, { token })).status).toBe(200);
  });

  it("refuses a photo over 5 MB with 400, as seed 001 documents, before reading the body", async () => {
    const { user, token } = await oauthClient();
    const big = new FormData();
    big.append("photo", new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: "image/jpeg" }), "big.jpg");
    const res = await api.request("POST", "/api/auth/profile/photo", { token, body: big });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, statusCode: 400, error: "INVALID_FILE", message: "Fichier trop volumineux (5 Mo maximum)" });
    const announced = await api.request("POST", "/api/auth/profile/photo", {
      token,
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(64 * 1024 * 1024) },
    });
    expect(announced.status).toBe(400);
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("refuses a photo sent under another field name or of the wrong type with 400", async () => {
    const { token } = await oauthClient();
    const wrongField = new FormData();
    wrongField.append("avatar", new Blob([new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer())]), "a.png");
    expect((await api.request("POST", "/api/auth/profile/photo", { token, body: wrongField })).status).toBe(400);
    const text = new FormData();
    text.append("photo", new Blob(["hello"], { type: "image/jpeg" }), "fake.jpg");
    const res = await api.request("POST", "/api/auth/profile/photo", { token, body: text });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "INVALID_FILE" });
  });
});
