import { authText } from "@/lib/i18n/ui/auth";
import { layoutText } from "@/lib/i18n/ui/layout";
import { expectNoAxeViolations } from "./support/a11y";
import { expect, PASSWORD, signInWithForm, signOutWithMenu, test, uniqueEmail } from "./support/fixtures";
import { linkIn, waitForEmail } from "./support/outbox";

const text = authText.fr;
const layout = layoutText.fr;

test("register, verify the email from the outbox, sign out and sign in again", async ({ page }) => {
  const email = uniqueEmail("register");

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: text.register.title })).toBeVisible();
  await page.getByLabel(text.register.firstName, { exact: true }).fill("Léa");
  await page.getByLabel(text.register.lastName, { exact: true }).fill("Dupont");
  await page.getByLabel(text.email, { exact: true }).fill(email);

  // The policy of the API shows on the field before anything is sent.
  await page.getByLabel(text.password, { exact: true }).fill("short");
  await page.getByRole("button", { name: text.register.submit }).click();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "8 caractères" })).toBeVisible();
  await expect(page.getByLabel(text.password, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "on /register with errors");

  await page.getByLabel(text.password, { exact: true }).fill(PASSWORD);
  await expect(page.getByText(/Robustesse\s*:\s*(bonne|excellente)/)).toBeVisible();
  await page.getByRole("button", { name: text.register.submit }).click();

  // Signed in at once, with the banner asking to verify the address.
  await page.waitForURL("**/settings/profile");
  await expect(page.getByText(layout.unverifiedTitle)).toBeVisible();

  const message = await waitForEmail(email);
  await page.goto(linkIn(message, "/verify-email"));
  await expect(page.getByRole("heading", { level: 1, name: text.verify.successTitle })).toBeVisible();
  await expectNoAxeViolations(page, "on /verify-email");
  await page.getByRole("link", { name: text.verify.continue }).click();
  await page.waitForURL("**/settings/profile");
  await expect(page.getByText(layout.unverifiedTitle)).toHaveCount(0);

  // The same link a second time is spent.
  await page.goto(linkIn(message, "/verify-email"));
  await expect(page.getByRole("heading", { level: 1, name: text.verify.invalidTitle })).toBeVisible();

  await page.goto("/settings/profile");
  await signOutWithMenu(page);
  await expect(page.getByText(text.login.signedOut)).toBeVisible();
  await page.goto("/settings/profile");
  await page.waitForURL(/\/login\?callbackUrl=%2Fsettings%2Fprofile/);

  await signInWithForm(page, { email, password: PASSWORD });
  await page.waitForURL("**/settings/profile");
});

test("a wrong password shows the API's message on the form", async ({ page, request }) => {
  const email = uniqueEmail("wrong");
  await request.post("/api/auth/register", { data: { email, password: PASSWORD, firstName: "A", lastName: "B" } });
  await page.goto("/login");
  await signInWithForm(page, { email, password: "Not-the-passw0rd" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email ou mot de passe incorrect");
  await expect(page).toHaveURL(/\/login$/);
  await expectNoAxeViolations(page, "on /login with an error");
});
