export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

/** A text in every supported language. */
export type Localized = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header (q-values honoured), French
 * when nothing matches, as the contract's documents are French.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!acceptLanguage) return fallback;
  let best: { locale: Locale; q: number; order: number } | undefined;
  acceptLanguage.split(",").forEach((part, order) => {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const base = tag.split("-")[0];
    if (!isLocale(base) || !(q > 0)) return;
    if (!best || q > best.q || (q === best.q && order < best.order)) best = { locale: base, q, order };
  });
  return best?.locale ?? fallback;
}

export function localize(locale: Locale, text: Localized): string {
  return text[locale];
}
