import type { IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import { OAuth2Server } from "oauth2-mock-server";

/**
 * GitHub sign-in (browser and seed 004's JSON flow) and connecting Google Calendar from the
 * settings page, on the production build, against a real OAuth server on loopback. The
 * portal must have been started with `oauthServerEnvironment(E2E_OAUTH_URL)` from
 * tests/support/oauth-server.ts (Playwright starts the server before loading specs, so the
 * env cannot be set from here); without it the tests are skipped.
 */
const MOCK_PORT = Number(process.env.E2E_OAUTH_PORT ?? 3231);
let mock: OAuth2Server;
let githubEmail = "";

test.beforeAll(async () => {
  mock = new OAuth2Server();
  await mock.issuer.keys.generate("RS256");
  await mock.start(MOCK_PORT, "127.0.0.1");
  mock.service.on("beforeResponse", (response, req: IncomingMessage) => {
    // GitHub is plain OAuth 2.0: no id token (Auth.js would check its issuer).
    const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
    if (basic.startsWith("github-client:")) delete (response.body as Record<string, unknown>).id_token;
  });
  mock.service.on("beforeUserinfo", (response, req: IncomingMessage) => {
    response.body = req.url?.includes("emails")
      ? [{ email: githubEmail, primary: true, verified: true }]
      : { id: Math.floor(Math.random() * 1e9), login: "octocat", name: "Octo Cat", email: null, avatar_url: null };
  });
});

test.afterAll(async () => {
  await mock?.stop();
});

test.beforeEach(async ({ request }) => {
  githubEmail = `octo.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;
  const probe = await request.get("/api/auth/oauth/github", { maxRedirects: 0 });
  test.skip(probe.status() === 503, "the server was started without oauthServerEnvironment()");
});

test("GET /api/auth/oauth/github ends with API tokens as JSON (seed 004)", async ({ request }) => {
  const response = await request.get("/api/auth/oauth/github");
  expect(response.status()).toBe(200);
  expect(response.url()).toContain("/api/oauth/complete");
  const body = (await response.json()) as { success: boolean; user: { email: string }; data: { tokens: { accessToken: string; refreshToken: string } } };
  expect(body).toMatchObject({ success: true, user: { email: githubEmail } });
  const me = await request.get("/api/integrations", { headers: { authorization: `Bearer ${body.data.tokens.accessToken}` } });
  expect(me.status()).toBe(200);
});

test("sign in with GitHub, connect and disconnect Google Calendar from the settings page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: /GitHub/ }).click();
  await page.waitForURL(/\/settings\/profile/);

  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: /^(Connect|Connecter) Google Calendar$/ }).click();
  await page.waitForURL(/\/settings\/integrations\?connected=calendar/);
  const disconnect = page.getByRole("button", { name: /^(Disconnect|Déconnecter) Google Calendar$/ });
  await expect(disconnect).toBeVisible();

  await disconnect.click();
  await page.getByRole("dialog").getByRole("button", { name: /^(Disconnect|Déconnecter)$/ }).click();
  await expect(page.getByRole("button", { name: /^(Connect|Connecter) Google Calendar$/ })).toBeVisible();
});
