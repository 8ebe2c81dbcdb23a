import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

export const SCREENSHOT_DIR = path.resolve("artifacts/screenshots");

export type Theme = "light" | "dark";
export type Lang = "fr" | "en";

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-US" };

/** A full-page screenshot at artifacts/screenshots/<page>-<theme>-<lang>.png. */
export async function saveScreenshot(page: Page, name: string, theme: Theme, lang: Lang): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${theme}-${lang}.png`), fullPage: true, animations: "disabled" });
}

/**
 * Opens `url` in each theme and language, each in a browser context of its own: the
 * language is the browser's (Accept-Language, which signed-out pages follow), the theme the
 * system preference (next-themes' default). Checks the page with axe (contrast differs per
 * theme), refuses uncaught page errors, and saves the screenshot.
 */
export async function checkPageInEveryVariant(
  browser: Browser,
  options: { name: string; url: string; contextOptions: BrowserContextOptions; ready: (page: Page, lang: Lang) => Promise<void> },
): Promise<void> {
  for (const lang of ["fr", "en"] as const) {
    for (const theme of ["light", "dark"] as const) {
      const context = await browser.newContext({ ...options.contextOptions, locale: LOCALES[lang], colorScheme: theme, reducedMotion: "reduce" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      try {
        await page.goto(options.url);
        await options.ready(page, lang);
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await expectNoAxeViolations(page, `on ${options.name} (${theme}, ${lang})`);
        await saveScreenshot(page, options.name, theme, lang);
        expect(errors, `uncaught errors on ${options.name}`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }
}
