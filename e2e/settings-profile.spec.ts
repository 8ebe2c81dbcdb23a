import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { authText } from "@/lib/i18n/ui/auth";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { expectNoAxeViolations, newAccount, signIn, uniqueAddress, watchPageErrors } from "./settings-helpers";
import { linkIn, waitForEmail } from "./support/outbox";
import { saveScreenshot, type Lang } from "./support/screenshots";

const text = settingsProfileText.fr;

test.use({ locale: "fr-FR" });

test("edit the profile: saved values survive a reload, a bad phone is refused on its field, an email change waits for its link", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/profile" });
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
  await expect(page.getByLabel(text.firstName)).toHaveValue(account.firstName);

  await page.getByLabel(text.jobTitle).fill("Recruteuse senior");
  await page.getByLabel(text.company).fill("Acme");
  await page.getByLabel(text.phone).fill("+33 6 12 34 56 78");
  await page.getByRole("button", { name: text.save, exact: true }).click();
  await expect(page.getByText(text.saved)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(text.jobTitle)).toHaveValue("Recruteuse senior");
  await expect(page.getByLabel(text.company)).toHaveValue("Acme");
  await expect(page.getByLabel(text.phone)).toHaveValue("+33 6 12 34 56 78");

  const phone = page.getByLabel(text.phone);
  await phone.fill("appelez-moi");
  await page.getByRole("button", { name: text.save, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Numéro de téléphone invalide" })).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toBeFocused();
  await expectNoAxeViolations(page);
  await phone.fill("+33612345678");

  const newEmail = uniqueAddress("moved");
  await page.getByLabel(text.email).fill(newEmail);
  await page.getByRole("button", { name: text.save, exact: true }).click();
  await expect(page.getByText(text.emailChangeSent.replace("{email}", newEmail))).toBeVisible();
  await expect(page.getByLabel(text.email)).toHaveValue(account.email);

  expect(pageErrors()).toEqual([]);
});

test("upload an avatar with a progress bar and a preview, then remove it", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/profile" });
  await expect(page).toHaveURL(/\/settings\/profile$/);

  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#4f46e5" } }).png().toBuffer();
  await page.getByTestId("avatar-input").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("img", { name: text.avatarPreview })).toBeVisible();

  // Hold the answer a moment so the progress bar can be seen, as on a slow connection.
  await page.route("**/api/users/profile/avatar", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.getByRole("button", { name: text.avatarUpload, exact: true }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText(text.avatarUploaded)).toBeVisible();

  const avatar = page.locator("#avatar img");
  await expect(avatar).toHaveAttribute("src", /^(?!blob:).+/);
  const src = (await avatar.getAttribute("src"))!;
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toMatch(/^image\//);

  // A file that is not an image is refused before any upload.
  await page.getByTestId("avatar-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByRole("alert").filter({ hasText: text.avatarWrongType })).toBeVisible();

  await page.getByRole("button", { name: text.avatarRemove }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: text.avatarRemove }).click();
  await expect(page.getByText(text.avatarRemoved)).toBeVisible();
  await expect(page.locator("#avatar img")).toHaveCount(0);

  expect(pageErrors()).toEqual([]);
});

test.describe("email change: the pending address, and the two emailed links on portal pages", () => {
  const sizes = [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ] as const;

  /** The page in both themes and both sizes: screenshots named <name>-<width>-<theme>-<lang>.png. */
  async function shootVariants(page: Page, name: string, lang: Lang) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await saveScreenshot(page, `${name}-${size.width}`, theme, lang);
      }
    }
  }

  for (const lang of ["fr", "en"] as const) {
    test(`profile shows and cancels the pending address; cancel and confirm links work on portal pages (${lang})`, async ({ browser }) => {
      const profileText = settingsProfileText[lang];
      const linkText = authText[lang].emailChange;
      const context = await browser.newContext({ locale: lang === "fr" ? "fr-FR" : "en-US" });
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      const account = await newAccount(context.request, {}, lang);
      const requestChange = async (to: string) => {
        await page.getByLabel(profileText.email).fill(to);
        await page.getByRole("button", { name: profileText.save, exact: true }).click();
        await expect(page.getByText(profileText.pendingEmailTitle)).toBeVisible();
      };

      await signIn(page, account, { lang, callbackUrl: "/settings/profile" });
      await expect(page).toHaveURL(/\/settings\/profile$/);
      const first = uniqueAddress("pending");
      await requestChange(first);
      await expect(page.getByText(first, { exact: false }).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await shootVariants(page, "settings-profile-pending-email", lang);
      await page.setViewportSize(sizes[1]);
      await page.getByRole("button", { name: profileText.pendingEmailCancel, exact: true }).click();
      await expect(page.getByText(profileText.pendingEmailCancelled)).toBeVisible();
      await expect(page.getByText(profileText.pendingEmailTitle)).toHaveCount(0);

      // From the old address: the notice's link cancels and signs every device out.
      const started = new Date();
      await requestChange(uniqueAddress("intruder"));
      const notice = await waitForEmail(account.email, { after: started, subject: lang === "fr" ? /Changement d'adresse/ : /change requested/ });
      const visitor = await browser.newContext({ locale: lang === "fr" ? "fr-FR" : "en-US" });
      const outside = await visitor.newPage();
      await outside.goto(linkIn(notice, "/cancel-email-change"));
      await expect(outside.getByRole("heading", { level: 1, name: linkText.cancelTitle })).toBeVisible();
      await expectNoAxeViolations(outside);
      await shootVariants(outside, "cancel-email-change", lang);
      await outside.getByRole("button", { name: linkText.cancel }).click();
      await expect(outside.getByRole("heading", { level: 1, name: linkText.cancelledTitle })).toBeVisible();
      await expect(outside.getByRole("link", { name: linkText.resetPassword })).toHaveAttribute("href", "/forgot-password");
      await shootVariants(outside, "cancel-email-change-done", lang);
      // The browser that asked was signed out with every other session.
      await page.goto("/settings/profile");
      await expect(page).toHaveURL(/\/login/);

      // From the new address: the confirmation page ends with "your email is now ...".
      await signIn(page, account, { lang, callbackUrl: "/settings/profile" });
      await expect(page).toHaveURL(/\/settings\/profile$/);
      const target = uniqueAddress("confirmed");
      await requestChange(target);
      const confirmation = await waitForEmail(target);
      await outside.goto(linkIn(confirmation, "/confirm-email-change"));
      await expect(outside.getByRole("heading", { level: 1, name: linkText.confirmTitle })).toBeVisible();
      await expectNoAxeViolations(outside);
      await shootVariants(outside, "confirm-email-change", lang);
      await outside.getByRole("button", { name: linkText.confirm }).click();
      await expect(outside.getByText(linkText.done.replace("{email}", target))).toBeVisible();
      await shootVariants(outside, "confirm-email-change-done", lang);
      // A used link says so clearly.
      await outside.goto(linkIn(confirmation, "/confirm-email-change"));
      await expect(outside.getByRole("heading", { level: 1, name: linkText.invalidTitle })).toBeVisible();
      await shootVariants(outside, "confirm-email-change-invalid", lang);

      expect(pageErrors()).toEqual([]);
      await visitor.close();
      await context.close();
    });
  }
});
