import { expect, test } from "@playwright/test";
import { authText } from "@/lib/i18n/ui/auth";
import { settingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { expectNoAxeViolations, newAccount, signIn, totpCode, watchPageErrors } from "./settings-helpers";

const text = settingsSecurityText.fr;
const auth = authText.fr;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

test.use({ locale: "fr-FR" });

test("change the password: a wrong current one is refused on its field, the new one then signs in", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/security" });
  await expect(page).toHaveURL(/\/settings\/security$/);

  const current = page.getByLabel(text.currentPassword, { exact: true });
  await current.fill("Pas-le-bon-1");
  await page.getByLabel(text.newPassword, { exact: true }).fill("Nouveau-Secret-2025");
  await expect(page.getByText(`${text.strength.title}:`)).toBeVisible();
  await page.getByLabel(text.confirmPassword, { exact: true }).fill("Nouveau-Secret-2025");
  await page.getByRole("button", { name: text.passwordSubmit }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Mot de passe actuel incorrect" })).toBeVisible();
  await expect(current).toHaveAttribute("aria-invalid", "true");

  await current.fill(account.password);
  await page.getByRole("button", { name: text.passwordSubmit }).click();
  await expect(page.getByText(text.passwordChanged)).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, { email: account.email, password: "Nouveau-Secret-2025" });
  await expect(page).toHaveURL(/\/settings\//);
  expect(pageErrors()).toEqual([]);
});

test("two-factor: set up with the QR code's secret, sign in with a code, then with a backup code, renew the codes and turn it off", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/security" });
  await expect(page).toHaveURL(/\/settings\/security$/);

  await page.getByRole("button", { name: text.twoFactorEnable }).click();
  await expect(page.getByRole("img", { name: text.twoFactorQrAlt })).toBeVisible();
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.trim();
  const backupCodes = await page.getByTestId("backup-codes").getByRole("listitem").allTextContents();
  expect(backupCodes).toHaveLength(8);
  await expect(page.getByRole("button", { name: text.backupCodesDownload })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(text.twoFactorCode).fill(totpCode(secret));
  await page.getByRole("button", { name: text.twoFactorConfirm }).click();
  await expect(page.getByText(text.twoFactorEnabledToast)).toBeVisible();
  await expect(page.locator("#two-factor").getByText(text.twoFactorOn, { exact: true })).toBeVisible();

  // Sign in again: the password is not enough any more.
  await page.context().clearCookies();
  await signIn(page, account);
  await page.getByLabel(auth.twoFactor.code).fill(totpCode(secret, 1));
  await page.getByRole("button", { name: auth.twoFactor.submit }).click();
  await expect(page).toHaveURL(/\/settings\//);

  // And with a backup code instead of the app.
  await page.context().clearCookies();
  await signIn(page, account);
  await page.getByRole("button", { name: auth.twoFactor.useBackup }).click();
  await page.getByLabel(auth.twoFactor.backupCode).fill(backupCodes[0]!);
  await page.getByRole("button", { name: auth.twoFactor.submit }).click();
  await expect(page).toHaveURL(/\/settings\//);

  await page.goto("/settings/security");
  await expect(page.getByText(text.twoFactorBackupLeft.replace("{count}", "7"))).toBeVisible();

  await page.getByRole("button", { name: text.backupCodesRegenerate }).click();
  const regenerate = page.getByRole("alertdialog");
  await regenerate.getByLabel(text.twoFactorCode).fill(backupCodes[1]!);
  await regenerate.getByRole("button", { name: text.backupCodesRegenerateConfirm }).click();
  await expect(page.getByText(text.backupCodesShownOnce)).toBeVisible();
  const fresh = await page.getByTestId("backup-codes").getByRole("listitem").allTextContents();
  expect(fresh).toHaveLength(8);
  expect(fresh).not.toContain(backupCodes[2]);

  await page.getByRole("button", { name: text.twoFactorDisable }).click();
  const disable = page.getByRole("alertdialog");
  await disable.getByLabel(text.twoFactorCode).fill(backupCodes[2]!);
  await disable.getByRole("button", { name: text.twoFactorDisableConfirm }).click();
  await expect(disable.getByRole("alert")).toBeVisible();
  await disable.getByLabel(text.twoFactorCode).fill(fresh[0]!);
  await disable.getByRole("button", { name: text.twoFactorDisableConfirm }).click();
  await expect(page.getByText(text.twoFactorDisabledToast)).toBeVisible();
  await expect(page.locator("#two-factor").getByText(text.twoFactorOff, { exact: true })).toBeVisible();
  expect(pageErrors()).toEqual([]);
});

test("sessions: this device is marked, a revoked browser is signed out on its next request, others can all be signed out; history lists sign-ins", async ({ page, request, browser }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  const phone = await browser.newContext({ locale: "fr-FR", userAgent: IPHONE });
  const phonePage = await phone.newPage();
  await signIn(phonePage, account);
  await expect(phonePage).toHaveURL(/\/settings\//);

  await signIn(page, account, { callbackUrl: "/settings/security" });
  await expect(page).toHaveURL(/\/settings\/security$/);
  const rows = page.getByTestId("session-row");
  // Sign-up's API session, the phone and this browser.
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="session-row"][data-current]')).toContainText(text.sessionsThisDevice);
  await expect(page.getByTestId("login-event").first()).toBeVisible();

  const phoneRow = rows.filter({ hasText: "iOS" });
  const phoneDevice = (await phoneRow.locator("span.truncate").textContent())!;
  await page.getByRole("button", { name: text.sessionsRevokeLabel.replace("{device}", phoneDevice) }).click();
  await expect(page.getByText(text.sessionsRevoked)).toBeVisible();
  await expect(rows).toHaveCount(2);

  await phonePage.goto("/settings/profile");
  await expect(phonePage).toHaveURL(/\/login\?callbackUrl=/);
  await phone.close();

  await page.getByRole("button", { name: text.sessionsRevokeOthers }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: text.sessionsRevokeOthersConfirm }).click();
  await expect(page.getByText(text.sessionsRevokedOthers.replace("{count}", "1"))).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText(text.sessionsNoOthers)).toBeVisible();
  expect(pageErrors()).toEqual([]);
});

test("delete the account: refused with a wrong password, then gone, and its password no longer signs in", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/security" });
  await expect(page).toHaveURL(/\/settings\/security$/);

  await page.getByRole("button", { name: text.deleteButton }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading", { name: text.deleteDialogTitle })).toBeVisible();
  await dialog.getByLabel(text.deletePassword, { exact: true }).fill("Pas-le-bon-1");
  await dialog.getByRole("button", { name: text.deleteConfirm }).click();
  await expect(dialog.getByRole("alert")).toContainText("Mot de passe actuel incorrect");
  await expectNoAxeViolations(page);

  await dialog.getByLabel(text.deletePassword, { exact: true }).fill(account.password);
  await dialog.getByRole("button", { name: text.deleteConfirm }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(page, account);
  await expect(page.getByRole("alert").filter({ hasText: "Email ou mot de passe incorrect" })).toBeVisible();
  expect(pageErrors()).toEqual([]);
});
