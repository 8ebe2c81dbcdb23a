import { expect, test } from "@playwright/test";
import { settingsNotificationsText } from "@/lib/i18n/ui/settings-notifications";
import { newAccount, signIn, watchPageErrors } from "./settings-helpers";

const text = settingsNotificationsText.fr;

test.use({ locale: "fr-FR" });

test("toggle a notification preference: saved at once, kept after a reload, the API agrees", async ({ page, request }) => {
  const pageErrors = watchPageErrors(page);
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/notifications" });
  await expect(page).toHaveURL(/\/settings\/notifications$/);

  // Seed 000's defaults: marketing emails off, desktop candidate updates off, the rest on.
  const marketing = page.getByRole("switch", { name: `${text.preferences.marketingEmails.label} (${text.channels.email.title})` });
  const pushTeam = page.getByRole("switch", { name: `${text.preferences.teamNotifications.label} (${text.channels.push.title})` });
  await expect(marketing).toHaveAttribute("aria-checked", "false");
  await expect(pushTeam).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("switch")).toHaveCount(12);

  await marketing.click();
  await expect(marketing).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText(text.saved).first()).toBeVisible();
  await expect(marketing).not.toHaveAttribute("aria-busy", "true");
  await pushTeam.press("Space");
  await expect(pushTeam).toHaveAttribute("aria-checked", "false");
  // Saved once the switch is no longer busy.
  await expect(pushTeam).not.toHaveAttribute("aria-busy", "true");

  await page.reload();
  await expect(marketing).toHaveAttribute("aria-checked", "true");
  await expect(pushTeam).toHaveAttribute("aria-checked", "false");

  // The browser's cookie works on the 000 route too: one store behind page and API.
  const api = await page.request.get("/api/users/profile/notifications");
  expect(api.status()).toBe(200);
  const body = JSON.stringify(await api.json());
  expect(body).toContain('"marketingEmails":true');
  expect(body).toContain('"teamNotifications":false');
  expect(pageErrors()).toEqual([]);
});

test("a failed save puts the switch back and says so", async ({ page, request }) => {
  const account = await newAccount(request);
  await signIn(page, account, { callbackUrl: "/settings/notifications" });
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  const weekly = page.getByRole("switch", { name: `${text.preferences.weeklyReports.label} (${text.channels.email.title})` });
  await expect(weekly).toHaveAttribute("aria-checked", "true");

  // The network drops the server action's request.
  await page.route("**/settings/notifications", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  await weekly.click();
  await expect(page.getByText(text.failed)).toBeVisible();
  await expect(weekly).toHaveAttribute("aria-checked", "true");
});
