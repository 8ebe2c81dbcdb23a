import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

export const SCREENSHOT_DIR = path.resolve("artifacts/screenshots");

export type Theme = "light" | "dark";
export type Lang = "fr" | "en";

/** A full-page screenshot at artifacts/screenshots/<page>-<theme>-<lang>.png. */
export async function saveScreenshot(page: Page, name: string, theme: Theme, lang: Lang): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${theme}-${lang}.png`), fullPage: true, animations: "disabled" });
}

/**
 * Opens `url` in each theme and language, checks it with axe (contrast differs per theme)
 * and saves its screenshot. The theme is the system preference (next-themes' default); the
 * language is Accept-Language, which signed-out pages follow.
 */
export async function checkPageInEveryVariant(page: Page, name: string, url: string, ready: (page: Page, lang: Lang) => Promise<void>): Promise<void> {
  for (const lang of ["fr", "en"] as const) {
    await page.context().setExtraHTTPHeaders({ "Accept-Language": lang === "fr" ? "fr-FR,fr;q=0.9" : "en-US,en;q=0.9" });
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
      await page.goto(url);
      await ready(page, lang);
      await page.waitForFunction((expected) => document.documentElement.classList.contains(expected), theme);
      await expectNoAxeViolations(page, `on ${name} (${theme}, ${lang})`);
      await saveScreenshot(page, name, theme, lang);
    }
  }
  await page.context().setExtraHTTPHeaders({});
}
