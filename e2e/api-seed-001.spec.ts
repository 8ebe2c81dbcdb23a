import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";

/**
 * Seed 001's examples, run as written against the production server: the JavaScript fetch
 * snippets in a page of the portal's origin (their URLs are relative), the same calls
 * through Playwright's request context, and the literal cURL commands with only the
 * placeholders (token, file path, host) replaced.
 */

const run = promisify(execFile);
const PASSWORD = "SecurePassword123!";

async function accessTokenFor(request: APIRequestContext): Promise<string> {
  const email = `seed001.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const registered = await request.post("/api/auth/register", { data: { email, password: PASSWORD, firstName: "John", lastName: "Doe" } });
  expect(registered.status(), await registered.text()).toBe(201);
  const login = await request.post("/api/auth/login", { data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const body = (await login.json()) as { accessToken?: string; data?: { tokens?: { accessToken?: string } } };
  const token = body.accessToken ?? body.data?.tokens?.accessToken;
  expect(token).toBeTruthy();
  return token!;
}

const jpeg = () => sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366cc" } }).jpeg().toBuffer();

test.describe("seed 001 examples", () => {
  test("JavaScript fetch: upload a photo, then update the profile with an external URL", async ({ page, request, baseURL }) => {
    const accessToken = await accessTokenFor(request);
    await page.goto(`${baseURL}/api/health`);
    const bytes = [...(await jpeg())];

    const upload = await page.evaluate(
      async ({ accessToken, bytes }) => {
        const fileInput = { files: [new File([new Uint8Array(bytes)], "photo.jpg", { type: "image/jpeg" })] };
        // ----- seed 001, "Upload d'une photo", verbatim -----
        const formData = new FormData();
        formData.append("photo", fileInput.files[0]!);

        const response = await fetch("/api/auth/profile/photo", {
          method: "POST",
          headers: {
            Authorization: `Bearer ${accessToken}`,
          },
          body: formData,
        });

        const result = await response.json();
        console.log("Photo URL:", result.picture);
        // -----
        return { status: response.status, result };
      },
      { accessToken, bytes },
    );
    expect(upload.status).toBe(200);
    expect(upload.result).toMatchObject({ success: true, message: "Profile photo updated successfully", updated_at: expect.any(Number) });
    expect(upload.result.picture).toMatch(/^http.*\/api\/files\/avatars\/.+\.webp$/);

    const photo = await request.get(upload.result.picture);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/webp");
    expect(photo.headers()["x-content-type-options"]).toBe("nosniff");

    const userinfo = await request.get("/api/auth/userinfo", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(await userinfo.json()).toMatchObject({ picture: upload.result.picture, given_name: "John", family_name: "Doe", social_accounts: [] });

    const update = await page.evaluate(async (accessToken) => {
      // ----- seed 001, "Mise à jour avec URL externe", verbatim -----
      const response = await fetch("/api/auth/profile", {
        method: "PUT",
        headers: {
          Authorization: `Bearer ${accessToken}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({
          given_name: "John",
          family_name: "Doe",
          picture_url: "https://example.com/photo.jpg",
        }),
      });
      // -----
      return { status: response.status, body: await response.json() };
    }, accessToken);
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ success: true, message: "Profile updated successfully", profile: { given_name: "John", family_name: "Doe", picture: "https://example.com/photo.jpg" } });

    // The hosted photo the external URL replaced is gone.
    expect((await request.get(upload.result.picture)).status()).toBe(404);
    const profile = await request.get("/api/auth/profile", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(await profile.json()).toMatchObject({ picture: "https://example.com/photo.jpg", email_verified: false, is_active: true });
  });

  test("Playwright request context: the same calls, and the scope and auth errors", async ({ request }) => {
    const accessToken = await accessTokenFor(request);
    const headers = { Authorization: `Bearer ${accessToken}` };
    const posted = await request.post("/api/auth/profile/photo", { headers, multipart: { photo: { name: "photo.jpg", mimeType: "image/jpeg", buffer: await jpeg() } } });
    expect(posted.status()).toBe(200);
    const { picture } = (await posted.json()) as { picture: string };
    expect((await (await request.get("/api/auth/profile", { headers })).json()).picture).toBe(picture);

    const notAnImage = await request.post("/api/auth/profile/photo", { headers, multipart: { photo: { name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not an image") } } });
    expect(notAnImage.status()).toBe(400);
    expect((await request.get("/api/auth/userinfo")).status()).toBe(401);

    const deleted = await request.delete("/api/auth/profile/photo", { headers });
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toMatchObject({ success: true, message: "Profile photo deleted successfully" });
    expect((await request.get(picture)).status()).toBe(404);
  });

  test("cURL: upload then delete, as the document writes them", async ({ request, baseURL }) => {
    const accessToken = await accessTokenFor(request);
    const dir = mkdtempSync(path.join(os.tmpdir(), "seed001-"));
    const photoPath = path.join(dir, "photo.jpg");
    writeFileSync(photoPath, await jpeg());
    const fill = (command: string) =>
      command.replaceAll("YOUR_ACCESS_TOKEN", accessToken).replaceAll("/path/to/photo.jpg", photoPath).replaceAll("https://auth.paiecash.com", baseURL!);

    // ----- seed 001, cURL "Upload d'une photo", verbatim -----
    const uploadCommand = `curl -X POST \\
  -H "Authorization: Bearer YOUR_ACCESS_TOKEN" \\
  -F "photo=@/path/to/photo.jpg" \\
  https://auth.paiecash.com/api/auth/profile/photo`;
    // ----- seed 001, cURL "Suppression de photo", verbatim -----
    const deleteCommand = `curl -X DELETE \\
  -H "Authorization: Bearer YOUR_ACCESS_TOKEN" \\
  https://auth.paiecash.com/api/auth/profile/photo`;

    const uploaded = JSON.parse((await run("bash", ["-c", `${fill(uploadCommand)} --silent --show-error`])).stdout) as { success: boolean; picture: string; updated_at: number };
    expect(uploaded).toMatchObject({ success: true, message: "Profile photo updated successfully" });
    expect(uploaded.picture).toContain("/api/files/avatars/");
    const userinfo = await request.get("/api/auth/userinfo", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect((await userinfo.json()).picture).toBe(uploaded.picture);

    const deleted = JSON.parse((await run("bash", ["-c", `${fill(deleteCommand)} --silent --show-error`])).stdout) as Record<string, unknown>;
    expect(deleted).toMatchObject({ success: true, message: "Profile photo deleted successfully", updated_at: expect.any(Number) });
    expect((await (await request.get("/api/auth/userinfo", { headers: { Authorization: `Bearer ${accessToken}` } })).json()).picture).toBeNull();
    expect((await request.get(uploaded.picture)).status()).toBe(404);
  });
});
