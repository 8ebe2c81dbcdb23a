import { expect, test } from "@playwright/test";
import { settingsIntegrationsText } from "@/lib/i18n/ui/settings-integrations";
import { newAccount, signIn, watchPageErrors } from "./settings-helpers";

const text = settingsIntegrationsText.fr;

test.use({ locale: "fr-FR" });

test("connect Google Calendar through the local OAuth server, see it connected, then disconnect it", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/integrations" });
  await expect(page).toHaveURL(/\/settings\/integrations$/);

  const calendar = page.getByTestId("integration-calendar");
  await expect(calendar.getByText(text.notConnected, { exact: true })).toBeVisible();
  // Unconfigured integrations are listed, and say why they cannot be connected.
  await expect(page.getByTestId("integration-slack").getByText(text.notConfigured, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: text.connectLabel.replace("{name}", "Slack") })).toBeDisabled();

  await page.getByRole("button", { name: text.connectLabel.replace("{name}", "Google Calendar") }).click();
  // To the provider (oauth2-mock-server grants at once), back through the callback page.
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.getByText(text.connectedToast.replace("{name}", "Google Calendar"))).toBeVisible();
  await expect(calendar.getByText(text.connected, { exact: true })).toBeVisible();

  const listed = await page.request.get("/api/integrations");
  expect(JSON.stringify(await listed.json())).toMatch(/"id":"calendar"[^}]*"connected":true/);

  await page.getByRole("button", { name: text.disconnectLabel.replace("{name}", "Google Calendar") }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading", { name: text.disconnectTitle.replace("{name}", "Google Calendar") })).toBeVisible();
  await dialog.getByRole("button", { name: text.disconnectConfirm }).click();
  await expect(page.getByText(text.disconnectedToast.replace("{name}", "Google Calendar"))).toBeVisible();
  await expect(calendar.getByText(text.notConnected, { exact: true })).toBeVisible();
  expect(pageErrors()).toEqual([]);
});

test("a refused consent comes back as an error toast, nothing connected", async ({ page, request }) => {
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/integrations" });
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await page.goto("/settings/integrations?error=OAUTH_ACCESS_DENIED");
  await expect(page.getByText(text.errorToast.replace("{message}", "Autorisation refusée par l'utilisateur"))).toBeVisible();
  // The outcome is said once: the query string is dropped.
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.getByTestId("integration-calendar").getByText(text.notConnected, { exact: true })).toBeVisible();
});
