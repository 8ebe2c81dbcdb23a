import { authText } from "@/lib/i18n/ui/auth";
import { expect, registerAccount, signInWithForm, test } from "./support/fixtures";
import { linkIn, waitForEmail } from "./support/outbox";

const text = authText.fr;

test("forgot password, reset it from the emailed link, sign in with the new one", async ({ page, request }) => {
  const account = await registerAccount(request);
  const newPassword = "Nouveau-Secret-2025!";

  await page.goto("/login");
  await page.getByRole("link", { name: text.login.forgot }).click();
  await page.waitForURL("**/forgot-password");
  const asked = new Date();
  await page.getByLabel(text.email, { exact: true }).fill(account.email);
  await page.getByRole("button", { name: text.forgot.submit }).click();
  await expect(page.getByText(text.forgot.sentTitle)).toBeVisible();

  const message = await waitForEmail(account.email, { after: asked, subject: /mot de passe|password/i });
  const link = linkIn(message, "/reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: text.reset.title })).toBeVisible();

  await page.getByLabel(text.reset.newPassword, { exact: true }).fill(newPassword);
  await page.getByLabel(text.reset.confirmPassword, { exact: true }).fill("Something-else-1");
  await page.getByRole("button", { name: text.reset.submit }).click();
  await expect(page.getByText("Les mots de passe ne correspondent pas")).toBeVisible();

  await page.getByLabel(text.reset.confirmPassword, { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: text.reset.submit }).click();
  await page.waitForURL("**/login?reset=1");
  await expect(page.getByText(text.login.passwordReset)).toBeVisible();

  // The old password is gone, the link is spent, the new password works.
  await signInWithForm(page, account);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email ou mot de passe incorrect");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: text.reset.invalidTitle })).toBeVisible();
  await page.goto("/login");
  await signInWithForm(page, { email: account.email, password: newPassword });
  await page.waitForURL("**/settings/profile");
});
