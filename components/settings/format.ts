import type { Locale } from "@/lib/i18n/locale";

/** Fills `{name}` placeholders of a UI string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const LOCALE_TAGS: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * A date and time as people read it. Rendered on the server in UTC (it cannot know the
 * visitor's zone); <LocalTime> re-renders it in the browser's zone after hydration.
 */
export function formatDateTime(value: Date | string, locale: Locale, timeZone?: string): string {
  // dateStyle cannot be combined with timeZoneName, so the zone is named by hand.
  const text = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
  return timeZone === "UTC" ? `${text} UTC` : text;
}

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(value));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "il y a 5 minutes" / "5 minutes ago"; under a minute reads as "now". */
export function formatRelative(value: Date | string, locale: Locale, reference: Date): string {
  const seconds = Math.round((new Date(value).getTime() - reference.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(LOCALE_TAGS[locale], { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}
