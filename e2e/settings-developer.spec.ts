import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import * as oidc from "openid-client";
import { developerText } from "@/lib/i18n/ui/developer";
import { oauthConsentText } from "@/lib/i18n/ui/oauth-consent";
import { VALIDATION_MESSAGES } from "@/lib/validation/messages";
import { expectNoAxeViolations, newVerifiedAccount, saveScreenshot, signIn, watchPageErrors } from "./settings-helpers";

const text = developerText.fr;
const name = (template: string, value: string) => template.replace("{name}", value);

test.use({ locale: "fr-FR" });

/** userinfo called with a bearer only, from a context holding no cookie. */
async function userinfoStatus(baseURL: string, token: string): Promise<number> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    return (await context.get("/api/auth/userinfo", { headers: { authorization: `Bearer ${token}` } })).status();
  } finally {
    await context.dispose();
  }
}

async function confirmIn(page: Page, title: string, confirm: string) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading", { name: title })).toBeVisible();
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("register an OAuth app: client id and secret shown once, renew the secret, delete the app", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
  await expect(page.getByText(text.appsEmpty)).toBeVisible();

  // A redirect URI over plain http to another host is refused on its field.
  await page.getByLabel(text.appName).fill("Mon tableau de bord");
  await page.getByLabel(text.redirectUris).fill("http://dashboard.example.com/callback");
  await page.getByRole("button", { name: text.create, exact: true }).click();
  await expect(page.getByText(/Adresse de redirection refusée/)).toBeVisible();

  await page.getByLabel(text.redirectUris).fill("https://dashboard.example.com/callback\nhttp://localhost:8080/callback");
  await page.getByRole("button", { name: text.create, exact: true }).click();
  const secretBox = page.getByTestId("client-secret");
  await expect(secretBox).toBeVisible();
  await expect(secretBox.getByText(text.secretWarning)).toBeVisible();
  const clientId = (await page.getByTestId("new-app-client-id").textContent())!.trim();
  const firstSecret = await page.getByTestId("client-secret-value").inputValue();
  expect(clientId).toMatch(/^app_[\w-]{32}$/);
  expect(firstSecret).toMatch(/^cs_[\w-]{43}$/);
  await page.getByRole("button", { name: text.secretDone }).click();

  const app = page.getByTestId("oauth-app");
  await expect(app).toHaveCount(1);
  await expect(app.getByText(clientId, { exact: true })).toBeVisible();
  await expect(app.getByText("http://localhost:8080/callback", { exact: true })).toBeVisible();
  // Shown once: after a reload the secret is nowhere in the page.
  await page.reload();
  await expect(page.getByTestId("oauth-app")).toHaveCount(1);
  expect(await page.content()).not.toContain(firstSecret);

  await page.getByRole("button", { name: name(text.rotateLabel, "Mon tableau de bord") }).click();
  await confirmIn(page, name(text.rotateTitle, "Mon tableau de bord"), text.rotateConfirm);
  const secondSecret = await page.getByTestId("client-secret-value").inputValue();
  expect(secondSecret).toMatch(/^cs_[\w-]{43}$/);
  expect(secondSecret).not.toBe(firstSecret);
  await page.getByRole("button", { name: text.secretDone }).click();
  await expect(page.getByTestId("client-secret")).toBeHidden();

  // Edit in place: rename.
  await page.getByRole("button", { name: name(text.editLabel, "Mon tableau de bord") }).click();
  await page.getByTestId("oauth-app").getByLabel(text.appName).fill("Tableau de bord");
  await page.getByRole("button", { name: text.save, exact: true }).click();
  await expect(page.getByText(text.saved)).toBeVisible();
  await expect(page.getByTestId("oauth-app").getByRole("heading", { name: /Tableau de bord/ })).toBeVisible();

  await page.getByRole("button", { name: name(text.deleteLabel, "Tableau de bord") }).click();
  await confirmIn(page, name(text.deleteTitle, "Tableau de bord"), text.deleteConfirm);
  await expect(page.getByTestId("oauth-app")).toHaveCount(0);
  await expect(page.getByText(text.appsEmpty)).toBeVisible();
  expect(pageErrors()).toEqual([]);
});

test("a personal access token: shown once, works on userinfo, revoked in the page, then refused", async ({ page, request, baseURL }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  await expect(page.getByText(text.tokensEmpty)).toBeVisible();

  await page.getByLabel(text.tokenName).fill("Script de sauvegarde");
  await expect(page.getByLabel(text.scopeProfile)).toBeChecked();
  await page.getByLabel(text.scopeEmail).check();
  await page.getByLabel(text.tokenExpiry).selectOption("7");
  await page.getByRole("button", { name: text.tokenCreate, exact: true }).click();
  await expect(page.getByTestId("personal-token")).toBeVisible();
  const token = await page.getByTestId("personal-token-value").inputValue();
  expect(token).toMatch(/^pat_[\w-]{43}$/);

  const row = page.getByTestId("personal-token-row");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row.getByText(token.slice(0, 12) + "…")).toBeVisible();
  await expect(row.getByRole("cell", { name: `${text.scopeProfileShort}, ${text.scopeEmailShort}`, exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: text.tokenNeverUsed, exact: true })).toBeVisible();

  expect(await userinfoStatus(baseURL!, token)).toBe(200);

  // The page with an app and a token: axe, screenshot; the token is no longer in it.
  // No app yet: the registration form is open.
  await page.getByLabel(text.appName).fill("Appli mobile");
  await page.getByLabel(text.redirectUris).fill("https://mobile.example.com/cb");
  await page.getByLabel(text.public).check();
  await page.getByRole("button", { name: text.create, exact: true }).click();
  await expect(page.getByTestId("oauth-app")).toHaveCount(1);
  await expect(page.getByTestId("client-secret")).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(token);
  await expect(row).not.toContainText(text.tokenNeverUsed);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, "settings-developer-light-fr");

  await page.getByRole("button", { name: name(text.revokeLabel, "Script de sauvegarde") }).click();
  await confirmIn(page, name(text.revokeTitle, "Script de sauvegarde"), text.revokeConfirm);
  await expect(row).toHaveAttribute("data-status", "revoked");
  expect(await userinfoStatus(baseURL!, token)).toBe(401);
  expect(pageErrors()).toEqual([]);
});

test("a personal access token needs a name and a right: messages on their fields, the boxes ticked before the form's code arrived are kept", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  const form = page.getByRole("form", { name: text.tokensTitle });

  // The first touch of the form: its validation code is fetched only now, and the box stays unticked.
  await form.getByLabel(text.scopeProfile).uncheck();
  await form.getByRole("button", { name: text.tokenCreate, exact: true }).click();
  const required = VALIDATION_MESSAGES.required.fr;
  await expect(form.getByLabel(text.tokenName)).toHaveAccessibleDescription(new RegExp(required));
  await expect(form.getByLabel(text.tokenName)).toBeFocused();
  await expect(form.getByRole("group", { name: text.tokenScopes }).getByRole("alert")).toHaveText(required);
  await expect(form.getByLabel(text.scopeProfile)).not.toBeChecked();

  await form.getByLabel(text.tokenName).fill("Lecture de l'adresse");
  await form.getByLabel(text.scopeEmail).check();
  await form.getByRole("button", { name: text.tokenCreate, exact: true }).click();
  await expect(page.getByTestId("personal-token")).toBeVisible();
  await expect(page.getByTestId("personal-token-row").getByRole("cell", { name: text.scopeEmailShort, exact: true })).toBeVisible();
  // Back to the defaults for the next token.
  await expect(form.getByLabel(text.tokenName)).toHaveValue("");
  await expect(form.getByLabel(text.scopeProfile)).toBeChecked();
  await expect(form.getByLabel(text.scopeEmail)).not.toBeChecked();
  expect(pageErrors()).toEqual([]);
});

test("an authorized app: its old secret stops at rotation, it is listed in security, revoking kills its tokens", async ({ page, request, baseURL }) => {
  const pageErrors = watchPageErrors(page);
  const REDIRECT = "http://localhost:8080/callback";
  const account = await newVerifiedAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/developer" });
  await expect(page).toHaveURL(/\/settings\/developer$/);
  await page.getByLabel(text.appName).fill("Agenda partagé");
  await page.getByLabel(text.redirectUris).fill(REDIRECT);
  await page.getByLabel(text.logoUrl).fill("https://cdn.example.com/agenda.png");
  await page.getByRole("button", { name: text.create, exact: true }).click();
  const clientId = (await page.getByTestId("new-app-client-id").textContent())!.trim();
  const oldSecret = await page.getByTestId("client-secret-value").inputValue();
  await page.getByRole("button", { name: text.secretDone }).click();

  // The user grants access through the portal's consent page (authorization code + PKCE).
  const discover = (secret: string) => oidc.discovery(new URL(baseURL!), clientId, secret, undefined, { execute: [oidc.allowInsecureRequests] });
  const config = await discover(oldSecret);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  let callback: string | undefined;
  await page.route(`${REDIRECT}**`, (route) => {
    callback = route.request().url();
    return route.fulfill({ status: 200, contentType: "text/plain", body: "app callback" });
  });
  const authorize = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid profile email offline_access",
    prompt: "consent",
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  await page.goto(authorize.href);
  await page.getByRole("button", { name: oauthConsentText.fr.allow, exact: true }).click();
  await expect.poll(() => callback).toBeDefined();
  await page.unroute(`${REDIRECT}**`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback!), { pkceCodeVerifier: verifier, expectedState: state });
  const bearer = { authorization: `Bearer ${tokens.access_token}` };
  expect((await request.get("/api/auth/userinfo", { headers: bearer })).status()).toBe(200);

  // Renewing the secret: the old one is refused at the token endpoint at once, the new one works.
  await page.goto("/settings/developer");
  await page.getByRole("button", { name: name(text.rotateLabel, "Agenda partagé") }).click();
  await confirmIn(page, name(text.rotateTitle, "Agenda partagé"), text.rotateConfirm);
  const newSecret = await page.getByTestId("client-secret-value").inputValue();
  await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_client" });
  const refreshed = await oidc.refreshTokenGrant(await discover(newSecret), tokens.refresh_token!);
  const liveBearer = { authorization: `Bearer ${refreshed.access_token}` };
  expect((await request.get("/api/auth/userinfo", { headers: liveBearer })).status()).toBe(200);

  // Listed in the security page with its logo, scopes in plain words and dates.
  await page.goto("/settings/security");
  const listed = page.getByTestId("authorized-app");
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute("data-client-id", clientId);
  await expect(listed.getByRole("heading", { name: "Agenda partagé" })).toBeVisible();
  await expect(listed.getByRole("img", { name: name(text.logoAlt, "Agenda partagé") })).toHaveAttribute("src", "https://cdn.example.com/agenda.png");
  for (const scope of ["profile", "email", "offline_access"]) await expect(listed.getByText(text.scopeNames[scope]!, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: name(text.authorizedRevokeLabel, "Agenda partagé") }).click();
  await confirmIn(page, name(text.authorizedRevokeTitle, "Agenda partagé"), text.authorizedRevokeConfirm);
  await expect(page.getByText(text.authorizedEmpty)).toBeVisible();
  // Revoking killed the app's tokens at once: access and refresh.
  expect((await request.get("/api/auth/userinfo", { headers: liveBearer })).status()).toBe(401);
  await expect(oidc.refreshTokenGrant(await discover(newSecret), refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  expect(pageErrors()).toEqual([]);
});

test("the developer page in English and the dark theme: its language, no axe violation", async ({ browser, request }) => {
  const account = await newVerifiedAccount(request, {}, "en");
  const context = await browser.newContext({ locale: "en-GB", colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    const pageErrors = watchPageErrors(page);
    await signIn(page, account, { lang: "en", callbackUrl: "/settings/developer" });
    await expect(page).toHaveURL(/\/settings\/developer$/);
    const en = developerText.en;
    await expect(page.getByRole("heading", { level: 1, name: en.title })).toBeVisible();
    await expect(page.getByRole("link", { name: en.navLabel })).toHaveAttribute("aria-current", "page");
    await page.getByLabel(en.tokenName).fill("Deploy bot");
    await page.getByRole("button", { name: en.tokenCreate, exact: true }).click();
    await expect(page.getByTestId("personal-token")).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "settings-developer-dark-en");
    expect(pageErrors()).toEqual([]);
  } finally {
    await context.close();
  }
});
