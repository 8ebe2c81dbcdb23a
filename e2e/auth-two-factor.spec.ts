import type { APIRequestContext } from "@playwright/test";
import { authText } from "@/lib/i18n/ui/auth";
import { expectNoAxeViolations } from "./support/a11y";
import { apiToken, expect, registerAccount, signInWithForm, signOutWithMenu, test, type Account } from "./support/fixtures";
import { totpCode } from "./support/totp";

const text = authText.fr;

/** Turns 2FA on through seed 004's API with the account's bearer: secret, then a first code. */
async function enableTwoFactor(request: APIRequestContext, account: Account) {
  const token = await apiToken(request, account);
  const headers = { authorization: `Bearer ${token}` };
  const started = await request.post("/api/auth/2fa/enable", { headers, data: {} });
  expect(started.status(), await started.text()).toBe(200);
  const { secret } = ((await started.json()) as { data: { secret: string } }).data;
  const confirmed = await request.post("/api/auth/2fa/enable", { headers, data: { token: totpCode(secret) } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const { backupCodes } = ((await confirmed.json()) as { data: { backupCodes: string[] } }).data;
  return { secret, backupCodes };
}

test("sign in with a TOTP code on the second step, then with a backup code", async ({ page, request }) => {
  const account = await registerAccount(request);
  const { secret, backupCodes } = await enableTwoFactor(request, account);

  await page.goto("/login");
  await signInWithForm(page, account);
  await expect(page.getByRole("heading", { name: text.twoFactor.title })).toBeVisible();
  const codeField = page.getByLabel(text.twoFactor.code, { exact: true });
  await expect(codeField).toBeFocused();
  await expectNoAxeViolations(page, "on the 2FA step");

  await codeField.fill("000000");
  await page.getByRole("button", { name: text.twoFactor.submit }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Code de vérification invalide");

  // The next step's code: the one used to enable 2FA would be a replay.
  await codeField.fill(totpCode(secret, 1));
  await page.getByRole("button", { name: text.twoFactor.submit }).click();
  await page.waitForURL("**/settings/profile");

  await signOutWithMenu(page);
  await signInWithForm(page, account);
  await page.getByRole("button", { name: text.twoFactor.useBackup }).click();
  await page.getByLabel(text.twoFactor.backupCode, { exact: true }).fill(backupCodes[0]!);
  await page.getByRole("button", { name: text.twoFactor.submit }).click();
  await page.waitForURL("**/settings/profile");

  // A backup code works once.
  await signOutWithMenu(page);
  await signInWithForm(page, account);
  await page.getByRole("button", { name: text.twoFactor.useBackup }).click();
  await page.getByLabel(text.twoFactor.backupCode, { exact: true }).fill(backupCodes[0]!);
  await page.getByRole("button", { name: text.twoFactor.submit }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Code de vérification invalide");
});
