import type { IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import { OAuth2Server } from "oauth2-mock-server";
import { e2eGitHubMockPort } from "./oauth-mock";

/**
 * GitHub sign-in (browser and seed 004's JSON flow) on the production build, against a real
 * OAuth server on loopback (the Calendar integration's browser flow is in
 * settings-integrations.spec.ts). playwright.config.ts starts the portal with AUTH_GITHUB_*
 * pointing at this spec's mock server (e2e/oauth-mock.ts): Playwright starts the server
 * before loading specs, so the env cannot be set from here.
 */
// Auth.js runs behind Next's NextURL, which rewrites 127.0.0.1 to localhost in every URL
// it builds (redirect_uri, redirects): a browser on 127.0.0.1 would lose its cookies halfway.
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3210}` });

// Its own OAuth server (GitHub needs per-test answers), beside global-setup's one for Calendar.
const MOCK_PORT = e2eGitHubMockPort();
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
  if (mock?.listening) await mock.stop();
});

test.beforeEach(async ({ request }) => {
  githubEmail = `octo.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;
  const probe = await request.get("/api/auth/oauth/github", { maxRedirects: 0 });
  expect(probe.status(), "the portal must be started with e2eIntegrationEnv()'s GitHub settings").toBe(302);
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

test("signs in with GitHub from the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: /GitHub/ }).click();
  await page.waitForURL(/\/settings\/profile/);
  await expect(page.locator("input[name=email]")).toHaveValue(githubEmail);
});
