import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { createSession } from "@/lib/services/sessions/create-session";
import { createOAuthApp } from "@/lib/services/oauth-apps/create-oauth-app";
import { deleteOAuthApp } from "@/lib/services/oauth-apps/delete-oauth-app";
import { listOAuthApps } from "@/lib/services/oauth-apps/list-oauth-apps";
import { rotateOAuthAppSecret } from "@/lib/services/oauth-apps/rotate-oauth-app-secret";
import { updateOAuthApp } from "@/lib/services/oauth-apps/update-oauth-app";
import { createUser } from "../support/fixtures";

/** Creating tokens and apps needs a verified address (issue 15): every account here has one. */
const VERIFIED = { emailVerified: new Date() };

// The page's server actions read the request through next/headers: each test says who calls.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const developer = await import("@/app/settings/developer/actions");
const security = await import("@/app/settings/security/actions");

async function signInBrowser(userId: string) {
  const { session } = await createSession({ userId, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(false);
  const token = await encode({ token: { sub: userId, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
  requestHeaders = new Headers({ cookie: `${name}=${token}`, "accept-language": "fr" });
}

beforeEach(() => {
  requestHeaders = new Headers();
});

const REDIRECT = "https://app.example.com/callback";

async function newApp(ownerId: string, confidential = true) {
  return createOAuthApp({ ownerId, name: "Mon appli", redirectUris: [REDIRECT], confidential });
}

describe("OAuth app registration", () => {
  it("gives an unguessable client id and a secret shown once, stored only encrypted", async () => {
    const { user } = await createUser(VERIFIED);
    const { app, clientSecret } = await newApp(user.id);
    expect(app.clientId).toMatch(/^app_[A-Za-z0-9_-]{32}$/);
    expect(clientSecret).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    expect(app).not.toHaveProperty("clientSecretEncrypted");
    const row = await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.clientSecretEncrypted).not.toBeNull();
    expect(row.clientSecretEncrypted).not.toContain(clientSecret!);
    expect(decryptSecret(row.clientSecretEncrypted!)).toBe(clientSecret);
    const other = await newApp(user.id);
    expect(other.app.clientId).not.toBe(app.clientId);
    expect(other.clientSecret).not.toBe(clientSecret);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "OAUTH_APP_CREATED" } })).toBe(2);
  });

  it("gives a public app no secret, and refuses to rotate one", async () => {
    const { user } = await createUser(VERIFIED);
    const { app, clientSecret } = await newApp(user.id, false);
    expect(clientSecret).toBeUndefined();
    expect(app.confidential).toBe(false);
    expect((await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } })).clientSecretEncrypted).toBeNull();
    await expect(rotateOAuthAppSecret({ ownerId: user.id, appId: app.id })).rejects.toMatchObject({ code: "OAUTH_APP_PUBLIC" });
  });

  it.each([
    ["http://app.example.com/cb", "INVALID_REDIRECT_URI"],
    ["https://app.example.com/cb#frag", "INVALID_REDIRECT_URI"],
    ["https://*.example.com/cb", "INVALID_REDIRECT_URI"],
    ["/relative/callback", "INVALID_REDIRECT_URI"],
    ["javascript:alert(1)", "INVALID_REDIRECT_URI"],
    ["https://user:pass@app.example.com/cb", "INVALID_REDIRECT_URI"],
  ])("refuses the redirect URI %s", async (uri, code) => {
    const { user } = await createUser(VERIFIED);
    await expect(createOAuthApp({ ownerId: user.id, name: "X", redirectUris: [uri], confidential: true })).rejects.toMatchObject({ code, status: 400 });
    expect(await prisma.oAuthApp.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it("accepts https, loopback http for native apps, and at most 10 URIs", async () => {
    const { user } = await createUser(VERIFIED);
    const uris = ["https://a.example.com/cb", "http://localhost:8080/cb", "http://127.0.0.1/cb"];
    const { app } = await createOAuthApp({ ownerId: user.id, name: "Native", redirectUris: [...uris, " https://a.example.com/cb "], confidential: false });
    expect(app.redirectUris).toEqual(uris);
    const eleven = Array.from({ length: 11 }, (_, i) => `https://a.example.com/cb${i}`);
    await expect(createOAuthApp({ ownerId: user.id, name: "Many", redirectUris: eleven, confidential: true })).rejects.toMatchObject({ code: "TOO_MANY_REDIRECT_URIS" });
    await expect(createOAuthApp({ ownerId: user.id, name: "None", redirectUris: [], confidential: true })).rejects.toMatchObject({ code: "INVALID_REDIRECT_URI" });
  });

  it("takes a logo only as an https address", async () => {
    const { user } = await createUser(VERIFIED);
    await expect(
      createOAuthApp({ ownerId: user.id, name: "X", redirectUris: [REDIRECT], logoUrl: "http://cdn.example.com/logo.png", confidential: true }),
    ).rejects.toMatchObject({ code: "INVALID_LOGO_URL" });
    const { app } = await createOAuthApp({ ownerId: user.id, name: "X", redirectUris: [REDIRECT], logoUrl: "https://cdn.example.com/logo.png", confidential: true });
    expect(app.logoUrl).toBe("https://cdn.example.com/logo.png");
  });
});

describe("OAuth app management is the owner's alone", () => {
  it("hides, and refuses to edit, rotate or delete, another person's app: 404 as an unknown id", async () => {
    const { user: alice } = await createUser(VERIFIED);
    const { user: bob } = await createUser(VERIFIED);
    const { app, clientSecret } = await newApp(alice.id);

    expect(await listOAuthApps({ ownerId: bob.id })).toEqual([]);
    expect((await listOAuthApps({ ownerId: alice.id })).map((a) => a.id)).toEqual([app.id]);

    for (const appId of [app.id, "unknown-app-id"]) {
      await expect(updateOAuthApp({ ownerId: bob.id, appId, name: "Pwned", redirectUris: ["https://evil.example.com/cb"] })).rejects.toMatchObject({
        code: "OAUTH_APP_NOT_FOUND",
        status: 404,
      });
      await expect(rotateOAuthAppSecret({ ownerId: bob.id, appId })).rejects.toMatchObject({ code: "OAUTH_APP_NOT_FOUND", status: 404 });
      await expect(deleteOAuthApp({ ownerId: bob.id, appId })).rejects.toMatchObject({ code: "OAUTH_APP_NOT_FOUND", status: 404 });
    }
    const row = await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.name).toBe("Mon appli");
    expect(row.redirectUris).toEqual([REDIRECT]);
    expect(decryptSecret(row.clientSecretEncrypted!)).toBe(clientSecret);
  });

  it("lets the owner rename it and replace its redirect URIs", async () => {
    const { user } = await createUser(VERIFIED);
    const { app } = await newApp(user.id);
    const updated = await updateOAuthApp({ ownerId: user.id, appId: app.id, name: "Renamed", redirectUris: ["https://new.example.com/cb"], logoUrl: null });
    expect(updated).toMatchObject({ name: "Renamed", redirectUris: ["https://new.example.com/cb"], clientId: app.clientId });
    await expect(updateOAuthApp({ ownerId: user.id, appId: app.id, name: "X", redirectUris: ["https://new.example.com/cb#x"] })).rejects.toMatchObject({
      code: "INVALID_REDIRECT_URI",
    });
  });

  it("rotation answers a new secret once; the stored secret is the new one only", async () => {
    const { user } = await createUser(VERIFIED);
    const { app, clientSecret: first } = await newApp(user.id);
    const { clientSecret: second } = await rotateOAuthAppSecret({ ownerId: user.id, appId: app.id });
    expect(second).not.toBe(first);
    const row = await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    const stored = decryptSecret(row.clientSecretEncrypted!);
    expect(stored).toBe(second);
    expect(stored).not.toBe(first);
    expect(row.secretRotatedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "OAUTH_APP_SECRET_ROTATED" } })).toBe(1);
  });

  it("deleting an app deletes the grants and tokens the authorization server stored for it", async () => {
    const { user: owner } = await createUser(VERIFIED);
    const { user: member } = await createUser(VERIFIED);
    const { app } = await newApp(owner.id);
    const { app: kept } = await newApp(owner.id);
    const grantId = `grant-${app.id}`;
    const rows = [
      { id: grantId, type: "Grant", grantId, clientId: app.clientId },
      { id: `at-${app.id}`, type: "AccessToken", grantId, clientId: app.clientId },
      { id: `rt-${app.id}`, type: "RefreshToken", grantId, clientId: app.clientId },
      // A row of the same grant without a copied clientId goes too.
      { id: `code-${app.id}`, type: "AuthorizationCode", grantId, clientId: null },
      { id: `grant-${kept.id}`, type: "Grant", grantId: `grant-${kept.id}`, clientId: kept.clientId },
    ];
    await prisma.oidcPayload.createMany({ data: rows.map((row) => ({ ...row, accountId: member.id, payload: {} })) });

    await deleteOAuthApp({ ownerId: owner.id, appId: app.id });
    expect(await prisma.oAuthApp.findUnique({ where: { id: app.id } })).toBeNull();
    expect(await prisma.oidcPayload.count({ where: { OR: [{ clientId: app.clientId }, { grantId }] } })).toBe(0);
    expect(await prisma.oidcPayload.count({ where: { clientId: kept.clientId } })).toBe(1);
    await expect(deleteOAuthApp({ ownerId: owner.id, appId: app.id })).rejects.toMatchObject({ code: "OAUTH_APP_NOT_FOUND" });
  });
});

describe("developer settings server actions", () => {
  it("send a signed-out visitor to the login page", async () => {
    await expect(developer.createPersonalTokenAction({ name: "x", scopes: ["profile"], expiry: "7" })).rejects.toMatchObject({
      digest: expect.stringContaining("/login?callbackUrl=%2Fsettings%2Fdeveloper"),
    });
    await expect(developer.deleteOAuthAppAction({ appId: "x" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    await expect(security.revokeAuthorizedAppAction({ clientId: "x" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("act for the signed-in user only: another person's app, token or grant is 404 alike", async () => {
    const { user: alice } = await createUser(VERIFIED);
    const { user: bob } = await createUser(VERIFIED);
    await signInBrowser(alice.id);
    const created = await developer.createOAuthAppAction({ name: "Alice app", redirectUris: "https://a.example.com/cb\n\nhttp://localhost:3000/cb", logoUrl: "", confidential: true });
    expect(created).toMatchObject({ ok: true, clientId: expect.stringMatching(/^app_/), clientSecret: expect.stringMatching(/^cs_/) });
    const app = await prisma.oAuthApp.findFirstOrThrow({ where: { ownerId: alice.id } });
    expect(app.redirectUris).toEqual(["https://a.example.com/cb", "http://localhost:3000/cb"]);
    const token = await developer.createPersonalTokenAction({ name: "Alice script", scopes: ["profile"], expiry: "30" });
    expect(token).toMatchObject({ ok: true, token: expect.stringMatching(/^pat_/) });
    const tokenRow = await prisma.personalAccessToken.findFirstOrThrow({ where: { userId: alice.id } });
    await prisma.oidcPayload.create({ data: { id: `grant-${app.id}`, type: "Grant", grantId: `grant-${app.id}`, accountId: alice.id, clientId: app.clientId, payload: { openid: { scope: "openid profile" } } } });

    await signInBrowser(bob.id);
    expect(await developer.updateOAuthAppAction({ appId: app.id, name: "Bob", redirectUris: "https://b.example.com/cb", logoUrl: "" })).toMatchObject({ ok: false, error: "OAUTH_APP_NOT_FOUND" });
    expect(await developer.rotateOAuthAppSecretAction({ appId: app.id })).toMatchObject({ ok: false, error: "OAUTH_APP_NOT_FOUND" });
    expect(await developer.deleteOAuthAppAction({ appId: app.id })).toMatchObject({ ok: false, error: "OAUTH_APP_NOT_FOUND" });
    expect(await developer.revokePersonalTokenAction({ tokenId: tokenRow.id })).toMatchObject({ ok: false, error: "PERSONAL_TOKEN_NOT_FOUND" });
    expect(await security.revokeAuthorizedAppAction({ clientId: app.clientId })).toMatchObject({ ok: false, error: "NOT_FOUND" });
    expect(await prisma.oidcPayload.count({ where: { clientId: app.clientId } })).toBe(1);
    expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: tokenRow.id } })).revokedAt).toBeNull();

    await signInBrowser(alice.id);
    expect(await security.revokeAuthorizedAppAction({ clientId: app.clientId })).toEqual({ ok: true });
    expect(await prisma.oidcPayload.count({ where: { clientId: app.clientId } })).toBe(0);
    expect(await developer.revokePersonalTokenAction({ tokenId: tokenRow.id })).toEqual({ ok: true });
    expect(await developer.deleteOAuthAppAction({ appId: app.id })).toEqual({ ok: true });
  });

  it("answer field errors and the service's refusals in the page's language", async () => {
    const { user } = await createUser(VERIFIED);
    await signInBrowser(user.id);
    const empty = await developer.createOAuthAppAction({ name: " ", redirectUris: "", logoUrl: "", confidential: false });
    expect(empty).toMatchObject({ ok: false, error: "VALIDATION_ERROR", fieldErrors: { name: "Ce champ est requis", redirectUris: "Ce champ est requis" } });
    const refused = await developer.createOAuthAppAction({ name: "X", redirectUris: "https://x.example.com/*", logoUrl: "", confidential: false });
    expect(refused).toMatchObject({ ok: false, error: "INVALID_REDIRECT_URI", message: expect.stringContaining("joker") });
    const account = await developer.createPersonalTokenAction({ name: "x", scopes: ["account" as "profile"], expiry: "7" });
    expect(account).toMatchObject({ ok: false, error: "VALIDATION_ERROR" });
    const forever = await developer.createPersonalTokenAction({ name: "x", scopes: ["email"], expiry: "3650" as "365" });
    expect(forever).toMatchObject({ ok: false, error: "VALIDATION_ERROR" });
  });
});
