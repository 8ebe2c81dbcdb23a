import { authText } from "@/lib/i18n/ui/auth";
import { expectNoAxeViolations } from "./support/a11y";
import { apiToken, expect, loginAs, registerAccount, signInWithForm, test } from "./support/fixtures";
import { saveScreenshot } from "./support/screenshots";

const text = authText.fr;

test("a browser session revoked elsewhere is signed out on its next request", async ({ page, request }) => {
  const account = await registerAccount(request);
  await loginAs(page, account);
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/settings\/profile$/);

  // From another device (an API client): sign out every other session.
  const token = await apiToken(request, account);
  const revoked = await request.delete("/api/sessions/others/revoke", { headers: { authorization: `Bearer ${token}` }, data: {} });
  expect(revoked.status(), await revoked.text()).toBe(200);

  await page.reload();
  await page.waitForURL(/\/login\?callbackUrl=%2Fsettings%2Fprofile&reason=revoked/);
  // Told why, not just shown a bare form (issue 15, sessions).
  await expect(page.getByRole("status").filter({ hasText: text.login.ended.revoked.title })).toBeVisible();
  const session = await page.context().request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
});

test("the signed-out-elsewhere notice on a phone and a laptop, in French and English", async ({ browser, request }) => {
  const account = await registerAccount(request);
  for (const lang of ["fr", "en"] as const) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport, locale: lang === "fr" ? "fr-FR" : "en-US", colorScheme: "light", reducedMotion: "reduce" });
      const page = await context.newPage();
      try {
        await loginAs(page, account);
        const token = await apiToken(request, account);
        const revoked = await request.delete("/api/sessions/others/revoke", { headers: { authorization: `Bearer ${token}` }, data: {} });
        expect(revoked.status()).toBe(200);
        await page.goto("/settings/security");
        await page.waitForURL(/\/login\?callbackUrl=%2Fsettings%2Fsecurity&reason=revoked/);
        const notice = page.getByRole("status").filter({ hasText: authText[lang].login.ended.revoked.title });
        await expect(notice).toBeVisible();
        await expect(notice).toContainText(authText[lang].login.ended.revoked.body);
        await expectNoAxeViolations(page, `on the login page's signed-out notice (${lang}, ${viewport.width}px)`);
        await saveScreenshot(page, `login-signed-out-elsewhere-${viewport.width}x${viewport.height}`, "light", lang);
      } finally {
        await context.close();
      }
    }
  }
});

test("callbackUrl brings the user back to the page they asked for, and never outside the portal", async ({ page, request }) => {
  const account = await registerAccount(request);

  await page.goto("/settings/security");
  await page.waitForURL(/\/login\?callbackUrl=%2Fsettings%2Fsecurity/);
  await signInWithForm(page, account);
  await page.waitForURL("**/settings/security");

  await page.context().clearCookies();
  for (const target of ["https://evil.example/steal", "//evil.example", "/\\evil.example"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await signInWithForm(page, account);
    await page.waitForURL("**/settings/profile");
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    await page.context().clearCookies();
  }
});

test("/ sends a visitor to /login and a signed-in user to the settings", async ({ page, request }) => {
  await page.goto("/");
  await page.waitForURL("**/login");
  await expect(page.getByRole("heading", { level: 1, name: text.login.title })).toBeVisible();
  await loginAs(page, await registerAccount(request));
  await page.goto("/");
  await page.waitForURL("**/settings/profile");
});
