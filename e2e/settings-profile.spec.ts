import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { expectNoAxeViolations, newAccount, signIn, uniqueAddress, watchPageErrors } from "./settings-helpers";

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
