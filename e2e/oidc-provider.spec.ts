import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import * as oidc from "openid-client";
import sharp from "sharp";
import { developerText } from "@/lib/i18n/ui/developer";
import { oauthConsentText } from "@/lib/i18n/ui/oauth-consent";
import { expectNoAxeViolations, newVerifiedAccount, signIn } from "./settings-helpers";

/**
 * The portal as an OpenID Connect provider, driven by the certified relying-party library
 * openid-client against the running production build: the app is registered on
 * /settings/developer, the user consents on the portal's page in the browser, and the app's
 * token then uploads a profile photo through seed 001's route.
 */
const dev = developerText.fr;
const consent = oauthConsentText.fr;
test.use({ locale: "fr-FR" });

/** The app's redirect URI: a small local server that records where the browser lands. */
let appServer: Server;
let REDIRECT = "";
let lastCallback: string | undefined;

test.beforeAll(async () => {
  appServer = createServer((req, res) => {
    // Only the redirect itself (the browser also asks this host for /favicon.ico).
    if (req.url?.startsWith("/callback")) lastCallback = new URL(req.url, REDIRECT).href;
    res.writeHead(200, { "content-type": "text/plain" }).end("app callback");
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  REDIRECT = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/callback`;
});

test.afterAll(async () => {
  await new Promise((resolve) => appServer.close(resolve));
});

async function registerApp(page: Page): Promise<{ clientId: string; clientSecret: string }> {
  await page.goto("/settings/developer");
  await page.getByLabel(dev.appName).fill("Tableau de bord OIDC");
  await page.getByLabel(dev.redirectUris).fill(REDIRECT);
  await page.getByRole("button", { name: dev.create, exact: true }).click();
  await expect(page.getByTestId("client-secret")).toBeVisible();
  const clientId = (await page.getByTestId("new-app-client-id").textContent())!.trim();
  const clientSecret = await page.getByTestId("client-secret-value").inputValue();
  await page.getByRole("button", { name: dev.secretDone }).click();
  return { clientId, clientSecret };
}

/** The browser's part: authorize, the consent page (clicked when shown), back at the app's redirect URI. */
async function authorizeInBrowser(page: Page, config: oidc.Configuration, scope: string, options: { expectConsent: boolean }) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope,
    state,
    nonce,
    // OIDC Core 11: offline_access (a refresh token) is only granted with prompt=consent.
    ...(scope.includes("offline_access") ? { prompt: "consent" } : {}),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  lastCallback = undefined;
  await page.goto(url.href);
  if (options.expectConsent) {
    await expect(page).toHaveURL(/\/oauth\/consent\//);
    await expect(page.getByRole("heading", { level: 1, name: /Tableau de bord OIDC/ })).toBeVisible();
    await expect(page.getByTestId("consent-scopes").getByRole("listitem")).toHaveCount(scope.split(" ").length);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: consent.allow, exact: true }).click();
  }
  await expect.poll(() => lastCallback).toBeDefined();
  return { callback: new URL(lastCallback!), verifier, state, nonce };
}

test("a third-party app signs a user in with openid-client and uploads their photo with the token", async ({ page, request, baseURL }) => {
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  const { clientId, clientSecret } = await registerApp(page);

  // Discovery from the origin: the issuer is the portal's origin exactly.
  const config = await oidc.discovery(new URL(baseURL!), clientId, clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
  expect(config.serverMetadata().issuer).toBe(baseURL);
  expect(config.serverMetadata().code_challenge_methods_supported).toEqual(["S256"]);

  // Authorization code + PKCE S256 with state and nonce; consent clicked in the browser.
  const flow = await authorizeInBrowser(page, config, "openid profile offline_access", { expectConsent: true });
  expect(flow.callback.searchParams.get("state")).toBe(flow.state);
  const tokens = await oidc.authorizationCodeGrant(config, flow.callback, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  expect(claims.aud).toBe(clientId);
  expect(claims.nonce).toBe(flow.nonce);

  // Userinfo answers the granted claims only: profile, no email.
  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(info).toMatchObject({ given_name: account.firstName, family_name: account.lastName });
  expect(info.email).toBeUndefined();

  // Refresh rotates; replaying the old refresh token fails and revokes the new one too.
  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  expect((await request.get("/api/auth/userinfo", { headers: { authorization: `Bearer ${refreshed.access_token}` } })).status()).toBe(401);

  // The replay revoked the grant: a new authorization asks for consent again.
  const second = await authorizeInBrowser(page, config, "openid profile", { expectConsent: true });
  const fresh = await oidc.authorizationCodeGrant(config, second.callback, { pkceCodeVerifier: second.verifier, expectedState: second.state, expectedNonce: second.nonce });

  // Seed 001's photo upload with the app's token.
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#3366cc" } }).jpeg().toBuffer();
  const upload = await request.post("/api/auth/profile/photo", {
    headers: { authorization: `Bearer ${fresh.access_token}` },
    multipart: { photo: { name: "photo.jpg", mimeType: "image/jpeg", buffer: bytes } },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const uploaded = (await upload.json()) as { success: boolean; picture: string };
  expect(uploaded.success).toBe(true);
  const userinfo = await request.get("/api/auth/userinfo", { headers: { authorization: `Bearer ${fresh.access_token}` } });
  expect(((await userinfo.json()) as { picture: string }).picture).toBe(uploaded.picture);

  // A grant that already covers the scopes skips the consent screen.
  const third = await authorizeInBrowser(page, config, "openid profile", { expectConsent: false });
  expect(third.callback.searchParams.get("code")).toBeTruthy();

  // Revocation: the token stops working at once.
  await oidc.tokenRevocation(config, fresh.access_token);
  expect((await request.get("/api/auth/userinfo", { headers: { authorization: `Bearer ${fresh.access_token}` } })).status()).toBe(401);
});

test("a signed-out visitor is sent to sign in before the consent page", async ({ page, request, baseURL }) => {
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  const { clientId, clientSecret } = await registerApp(page);
  await page.context().clearCookies();
  const config = await oidc.discovery(new URL(baseURL!), clientId, clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid",
    code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
    code_challenge_method: "S256",
  });
  await page.goto(url.href);
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Foauth%2Fconsent%2F/);
});
