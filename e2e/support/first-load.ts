import type { Page } from "@playwright/test";

/**
 * Compressed bytes of the page's first-load JavaScript: the scripts its HTML names (<script
 * src> and <link rel="preload" as="script">), not the chunks Next prefetches afterwards for
 * the links on the page, nor code fetched on demand (react-hook-form when a form is started).
 * Waits for the network to settle so every named script has been counted.
 */
export async function firstLoadScriptBytes(page: Page): Promise<number> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const initial = new Set(
      [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="preload"][as="script"]')].map((element) =>
        new URL(element instanceof HTMLScriptElement ? element.src : element.href, location.href).href,
      ),
    );
    return performance
      .getEntriesByType("resource")
      .filter((entry) => initial.has(entry.name))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0);
  });
}
