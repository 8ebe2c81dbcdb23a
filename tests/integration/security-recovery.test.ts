import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { approveInteraction, findInteraction } from "@/lib/oidc/interaction";
import { resetProvider } from "@/lib/oidc/provider";
import { listAuthorizedApps } from "@/lib/services/oauth-provider/list-authorized-apps";
import { createOAuthApp } from "@/lib/services/oauth-apps/create-oauth-app";
import { createPersonalToken } from "@/lib/services/personal-tokens/create-personal-token";
import oidcHandler from "@/pages/api/oidc/[...path]";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, linkIn, signInApi, tokenIn, uniqueEmail } from "../support/fixtures";

/**
 * Issue 15, items 2, 3 and 7: recovery must evict whoever else holds a key to the account
 * (sessions, refresh tokens, personal access tokens, OAuth grants, a pending email change),
 * the owner must be able to cancel an email change from the old address, and the email
 * change request must not be an unlimited oracle of registered addresses.
 */

let server: Server;
let origin: string;
const REDIRECT = "https://app.example/callback";
const SECRET = "cs_recovery-secret-0123456789abcdef";
const NEW_PASSWORD = "N3w-Passphrase!x";
const EN = { "accept-language": "en-US,en;q=0.9" };

beforeAll(async () => {
  // The OIDC provider runs over real HTTP so that openid-client can drive it as an app would.
  server = createServer((req, res) => {
    void oidcHandler(req as Parameters<typeof oidcHandler>[0], res as Parameters<typeof oidcHandler>[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = origin;
  resetEnv();
  resetProvider();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  process.env.APP_URL = "http://localhost:3000";
  resetEnv();
  resetProvider();
});

/** A third-party app holding an `openid profile offline_access` grant of the user: its access and refresh tokens. */
async function authorizedApp(userId: string) {
  const { user: owner } = await createUser();
  const clientId = `app_${Math.random().toString(36).slice(2)}`;
  await prisma.oAuthApp.create({
    data: { ownerId: owner.id, clientId, clientSecretEncrypted: encryptSecret(SECRET), name: "Intruder App", redirectUris: [REDIRECT] },
  });
  const config = await oidc.discovery(new URL(origin), clientId, SECRET, undefined, { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid profile offline_access",
    prompt: "consent",
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const first = await fetch(url, { redirect: "manual" });
  const uid = (first.headers.get("location") ?? "").split("/").pop()!;
  const cookies = first.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
  const interaction = await findInteraction(uid, cookies);
  const returnTo = await approveInteraction(interaction!, { userId });
  const back = await fetch(returnTo, { redirect: "manual", headers: { cookie: cookies } });
  const tokens = await oidc.authorizationCodeGrant(config, new URL(back.headers.get("location")!), { pkceCodeVerifier: verifier, expectedState: state });
  return { config, clientId, accessToken: tokens.access_token, refreshToken: tokens.refresh_token! };
}

/** Everything an intruder who knows the password keeps: an API session, a never-expiring PAT, an app grant, a pending email change. */
async function intruderFootholds(user: { id: string; email: string }) {
  const session = await signInApi(user);
  const { token: pat } = await createPersonalToken({ userId: user.id, name: "backdoor", scopes: ["profile"], expiresInDays: null });
  const app = await authorizedApp(user.id);
  const attackerEmail = uniqueEmail("attacker");
  const change = await api.put("/api/users/profile", { email: attackerEmail }, { token: session.accessToken });
  expect(change.status, change.text).toBe(200);
  const changeToken = tokenIn((await latestEmail(attackerEmail))!);
  // All of them work before the owner recovers the account.
  expect((await api.get("/api/auth/userinfo", { token: pat })).status).toBe(200);
  expect((await api.get("/api/auth/userinfo", { token: app.accessToken })).status).toBe(200);
  return { session, pat, app, attackerEmail, changeToken };
}

async function expectFootholdsGone(held: Awaited<ReturnType<typeof intruderFootholds>>, userId: string) {
  expect((await api.get("/api/auth/userinfo", { token: held.pat })).status).toBe(401);
  expect((await api.get("/api/auth/userinfo", { token: held.app.accessToken })).status).toBe(401);
  await expect(oidc.refreshTokenGrant(held.app.config, held.app.refreshToken)).rejects.toMatchObject({ error: "invalid_grant" });
  expect(await listAuthorizedApps({ userId })).toEqual([]);
  const confirm = await api.post("/api/users/profile/email/confirm", { token: held.changeToken });
  expect(confirm.status).toBe(400);
  expect(confirm.body).toMatchObject({ error: "INVALID_OR_EXPIRED_TOKEN" });
}

describe("item 3: a password reset evicts an intruder", () => {
  it("ends the sessions, refresh tokens, never-expiring PAT, OAuth grant and pending email change of whoever registered the victim's address", async () => {
    // Someone registered the victim's address first (and the victim, seeing the link, verified it).
    const victimEmail = uniqueEmail("victim");
    const { user } = await createUser({ email: victimEmail, emailVerified: new Date() });
    const held = await intruderFootholds(user);

    // The victim recovers the account through the emailed link.
    expect((await api.post("/api/auth/forgot-password", { email: victimEmail })).status).toBe(200);
    const resetToken = tokenIn((await latestEmail(victimEmail))!);
    const reset = await api.post("/api/auth/reset-password", { token: resetToken, newPassword: NEW_PASSWORD });
    expect(reset.status, reset.text).toBe(200);

    await expectFootholdsGone(held, user.id);
    expect((await api.get("/api/users/profile", { token: held.session.accessToken })).status).toBe(401);
    expect((await api.post("/api/auth/refresh", { refreshToken: held.session.refreshToken })).status).toBe(401);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions.every((s) => s.revokedAt !== null && s.revokedReason === "password-reset")).toBe(true);
    expect(await prisma.verification.count({ where: { userId: user.id, purpose: { in: ["EMAIL_CHANGE", "EMAIL_CHANGE_CANCEL"] }, usedAt: null } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(victimEmail);

    // The confirmation says what was ended.
    const mail = await latestEmail(victimEmail);
    expect(mail?.subject).toBe("Votre mot de passe a été modifié");
    expect(mail?.text).toContain("Sessions fermées : 1");
    expect(mail?.text).toContain("Jetons d'accès personnels révoqués : 1");
    expect(mail?.text).toContain("Applications autorisées révoquées : 1");
    expect(mail?.text).toContain("Changement d'adresse email en attente annulé");
  });
});

describe("item 2 and recovery: a signed-in password change", () => {
  it("cancels the pending email change and ends the other sessions, but keeps tokens and apps unless asked (000)", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const held = await intruderFootholds(user);
    const owner = await signInApi(user);
    const res = await api.put("/api/users/profile/password", { current_password: DEFAULT_PASSWORD, new_password: NEW_PASSWORD }, { token: owner.accessToken });
    expect(res.status, res.text).toBe(200);
    expect((await api.post("/api/users/profile/email/confirm", { token: held.changeToken })).status).toBe(400);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: held.session.sessionId } })).revokedReason).toBe("password-changed");
    expect((await api.get("/api/users/profile", { token: owner.accessToken })).status).toBe(200);
    // Not asked: the owner's own scripts and apps keep working.
    expect((await api.get("/api/auth/userinfo", { token: held.pat })).status).toBe(200);
    expect((await api.get("/api/auth/userinfo", { token: held.app.accessToken })).status).toBe(200);
    const mail = await latestEmail(user.email);
    expect(mail?.text).toContain("Sessions fermées : 1");
    expect(mail?.text).toContain("Changement d'adresse email en attente annulé");
    expect(mail?.text).not.toContain("Jetons d'accès personnels révoqués");
  });

  it("ends tokens and app grants too with revoke_tokens_and_apps (000)", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const held = await intruderFootholds(user);
    const owner = await signInApi(user);
    const res = await api.put(
      "/api/users/profile/password",
      { current_password: DEFAULT_PASSWORD, new_password: NEW_PASSWORD, revoke_tokens_and_apps: true },
      { token: owner.accessToken, headers: EN },
    );
    expect(res.status, res.text).toBe(200);
    await expectFootholdsGone(held, user.id);
    const mail = await latestEmail(user.email);
    expect(mail?.text).toContain("Personal access tokens revoked: 1");
    expect(mail?.text).toContain("Authorized apps revoked: 1");
  });

  it("ends tokens and app grants too with revokeTokensAndApps (004 change-password, 003 profile update)", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const held = await intruderFootholds(user);
    const owner = await signInApi(user);
    const res = await api.post(
      "/api/auth/change-password",
      { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, revokeTokensAndApps: true },
      { token: owner.accessToken },
    );
    expect(res.status, res.text).toBe(200);
    await expectFootholdsGone(held, user.id);

    const { user: other } = await createUser({ emailVerified: new Date() });
    const held003 = await intruderFootholds(other);
    const owner003 = await signInApi(other);
    const update = await api.put(
      `/api/users/profile/${encodeURIComponent(other.email)}`,
      { name: "Still Me", currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, revokeTokensAndApps: true },
      { token: owner003.accessToken },
    );
    expect(update.status, update.text).toBe(200);
    await expectFootholdsGone(held003, other.id);
  });

  it("refuses the current password as the new one, with a validation error in French and English", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const fr = await api.put("/api/users/profile/password", { current_password: DEFAULT_PASSWORD, new_password: DEFAULT_PASSWORD }, { token: accessToken });
    expect(fr.status).toBe(400);
    expect(fr.body).toMatchObject({ error: "VALIDATION_ERROR", details: { new_password: "Le nouveau mot de passe doit être différent de l'actuel" } });
    const en = await api.post("/api/auth/change-password", { currentPassword: DEFAULT_PASSWORD, newPassword: DEFAULT_PASSWORD }, { token: accessToken, headers: EN });
    expect(en.status).toBe(400);
    expect(en.body).toMatchObject({ error: "VALIDATION_ERROR", details: { newPassword: "The new password must differ from the current one" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastPasswordChange).toBeNull();
  });
});

describe("item 2: a pending email change does not survive the owner", () => {
  it("is cancelled by signing out the other sessions", async () => {
    const { user } = await createUser();
    const intruder = await signInApi(user);
    const attackerEmail = uniqueEmail("attacker");
    expect((await api.put("/api/users/profile", { email: attackerEmail }, { token: intruder.accessToken })).status).toBe(200);
    const changeToken = tokenIn((await latestEmail(attackerEmail))!);
    const owner = await signInApi(user);
    const revoke = await api.request("DELETE", "/api/sessions/others/revoke", { token: owner.accessToken, body: "{}", headers: { "content-type": "application/json" } });
    expect(revoke.status, revoke.text).toBe(200);
    const confirm = await api.post("/api/users/profile/email/confirm", { token: changeToken });
    expect(confirm.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("can be cancelled from the notice sent to the old address: once, ending every session, leading to the password reset", async () => {
    const { user } = await createUser();
    const intruder = await signInApi(user);
    const attackerEmail = uniqueEmail("attacker");
    expect((await api.put("/api/users/profile", { email: attackerEmail }, { token: intruder.accessToken })).status).toBe(200);
    const changeToken = tokenIn((await latestEmail(attackerEmail))!);
    const notice = await latestEmail(user.email);
    expect(notice?.text).toContain(attackerEmail);
    const cancelLink = linkIn(notice!, "/cancel-email-change?token=");
    const { cancelEmailChangeFromNotice } = await import("@/lib/services/profile/cancel-email-change");
    const cancelToken = new URL(cancelLink).searchParams.get("token")!;
    expect(await prisma.verification.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE_CANCEL", usedAt: null } })).toBe(1);

    const [first, second] = await Promise.allSettled([cancelEmailChangeFromNotice({ token: cancelToken }), cancelEmailChangeFromNotice({ token: cancelToken })]);
    const outcomes = [first, second].map((r) => r.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    expect((await api.post("/api/users/profile/email/confirm", { token: changeToken })).status).toBe(400);
    expect((await api.get("/api/users/profile", { token: intruder.accessToken })).status).toBe(401);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: intruder.sessionId } });
    expect(session.revokedReason).toBe("email-change-cancelled");
    await expect(cancelEmailChangeFromNotice({ token: cancelToken })).rejects.toMatchObject({ code: "INVALID_OR_EXPIRED_TOKEN" });
  });

  it("confirms through a portal page: the email links there and the API's GET sends browsers there", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const newEmail = uniqueEmail("new");
    await api.put("/api/users/profile", { email: newEmail }, { token: accessToken });
    const link = linkIn((await latestEmail(newEmail))!, "token=");
    expect(new URL(link).pathname).toBe("/confirm-email-change");
    const token = new URL(link).searchParams.get("token")!;
    const old = await api.get(`/api/users/profile/email/confirm?token=${token}`);
    expect(old.status).toBe(303);
    expect(old.headers.get("location")).toBe(`${origin}/confirm-email-change?token=${token}`);
    // Following either changes nothing (mail scanners follow links).
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});

describe("item 7: the email change request is not an unlimited oracle", () => {
  it("answers 429 with Retry-After within 40 requests for a registered address", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const { user: other } = await createUser();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await api.put("/api/users/profile", { email: other.email }, { token: accessToken });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get("retry-after");
    }
    expect(statuses.filter((s) => s === 409).length).toBeLessThanOrEqual(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(retryAfter).toMatch(/^\d+$/);
  });
});

describe("recovery: tokens and apps need a verified email", () => {
  it("refuses a personal access token or an OAuth app to an unverified account with EMAIL_NOT_VERIFIED", async () => {
    const { user } = await createUser({ emailVerified: null });
    await expect(createPersonalToken({ userId: user.id, name: "x", scopes: ["profile"], expiresInDays: null })).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    await expect(createOAuthApp({ ownerId: user.id, name: "x", redirectUris: [REDIRECT], confidential: true })).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(await prisma.personalAccessToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.oAuthApp.count({ where: { ownerId: user.id } })).toBe(0);
  });
});
