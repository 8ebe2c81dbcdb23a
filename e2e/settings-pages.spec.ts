import { expect, test, type Browser } from "@playwright/test";
import { settingsIntegrationsText } from "@/lib/i18n/ui/settings-integrations";
import { settingsNotificationsText } from "@/lib/i18n/ui/settings-notifications";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { settingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { expectNoAxeViolations, newAccount, saveScreenshot, signIn, verifyEmail, watchPageErrors, type Account } from "./settings-helpers";
import { firstLoadScriptBytes } from "./support/first-load";

const PAGES = [
  { path: "/settings/profile", name: "profile", title: settingsProfileText },
  { path: "/settings/security", name: "security", title: settingsSecurityText },
  { path: "/settings/notifications", name: "notifications", title: settingsNotificationsText },
  { path: "/settings/integrations", name: "integrations", title: settingsIntegrationsText },
] as const;

const LANGUAGES = [
  { lang: "fr", locale: "fr-FR" },
  { lang: "en", locale: "en-GB" },
] as const;

const THEMES = ["light", "dark"] as const;

test.use({ locale: "fr-FR" });

// One account per language: the pages follow the account's language first.
const accounts = {} as Record<"fr" | "en", Account>;
let account: Account;

test.beforeAll(async ({ request }) => {
  accounts.fr = await newAccount(request, {}, "fr");
  accounts.en = await newAccount(request, {}, "en");
  account = accounts.fr;
});

async function signedInPage(browser: Browser, locale: string, theme: (typeof THEMES)[number], lang: "fr" | "en") {
  const context = await browser.newContext({ locale, colorScheme: theme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, accounts[lang], { lang });
  await expect(page).toHaveURL(/\/settings\//);
  return { context, page };
}

for (const { lang, locale } of LANGUAGES) {
  for (const theme of THEMES) {
    test(`every settings page in ${lang}, ${theme} theme: its language, no axe violation, no page error, a screenshot`, async ({ browser }) => {
      const { context, page } = await signedInPage(browser, locale, theme, lang);
      const pageErrors = watchPageErrors(page);
      for (const { path, name, title } of PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: title[lang].title })).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await expectNoAxeViolations(page);
        await saveScreenshot(page, `settings-${name}-${theme}-${lang}`);
      }
      expect(pageErrors()).toEqual([]);
      await context.close();
    });
  }
}

test("on a phone the settings pages fit the screen (no sideways scrolling)", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const verified = await newAccount(page.request, { email: `m.${Date.now().toString(36)}@example.com` });
  // A verified account: the pages' own content is measured, without the reminder banner.
  await verifyEmail(page, verified.email);
  await signIn(page, verified);
  await expect(page).toHaveURL(/\/settings\//);
  for (const { path, name } of PAGES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `settings-${name}-mobile-fr`);
  }
  await context.close();
});

/*
 * The goal: each settings page's first-load JavaScript stays under 150 kB compressed.
 * Counted: what the page's HTML makes a fresh visitor download (<script src> and
 * <link rel="preload" as="script">), as served (gzip), not the chunks Next prefetches later
 * for the links on the page, nor code fetched on demand (a dialog, react-hook-form when a
 * form is started). The framework alone (Next 16.4, React 19.3) is about 133 kB of it.
 * Measured after the work of issue 7 (docs/PERFORMANCE.md): 141 to 147 kB; /settings/developer
 * 144.7 kB once its forms moved to useLazyForm (410.3 kB before: zod and the schemas were
 * fetched as the page mounted).
 */
const FIRST_LOAD_LIMIT_KB = 150;
/*
 * The pages measured: the four above, and /settings/developer (issue 9), whose own spec
 * (settings-developer.spec.ts) covers its languages, themes, axe and screenshots.
 */
const MEASURED_PATHS = [...PAGES.map(({ path }) => path), "/settings/developer"];

test("the first-load JavaScript of each settings page stays under 150 kB compressed", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/settings\//);
  const sizes: Record<string, number> = {};
  for (const path of MEASURED_PATHS) {
    // A fresh document load, as when arriving from elsewhere; caches off so every byte counts.
    const fresh = await context.newPage();
    const cdp = await context.newCDPSession(fresh);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await fresh.goto(path, { waitUntil: "networkidle" });
    const bytes = await firstLoadScriptBytes(fresh);
    sizes[path] = Math.round((bytes / 1024) * 10) / 10;
    await fresh.close();
  }
  console.log(`First-load JS (kB, compressed; limit ${FIRST_LOAD_LIMIT_KB}):`, JSON.stringify(sizes));
  test.info().annotations.push({ type: "first-load JS (kB)", description: JSON.stringify(sizes) });
  for (const [path, kb] of Object.entries(sizes)) {
    expect(kb, path).toBeGreaterThan(100); // measured at all
    expect(kb, path).toBeLessThan(FIRST_LOAD_LIMIT_KB);
  }
  await context.close();
});

test("signed out, a settings page sends to the login page and back after signing in", async ({ page }) => {
  await page.goto("/settings/notifications");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fnotifications/);
  await signIn(page, account, { callbackUrl: "/settings/notifications" });
  await expect(page).toHaveURL(/\/settings\/notifications$/);
});
