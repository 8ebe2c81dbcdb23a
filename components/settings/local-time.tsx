"use client";

import { useSyncExternalStore } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { formatDateTime } from "./format";

const noop = () => () => {};

/**
 * A timestamp in the visitor's own time zone. The server renders it in UTC (marked as such);
 * once hydrated the browser shows its local time, with no hydration mismatch.
 */
export function LocalTime({ value, locale }: { value: string; locale: Locale }) {
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  return <time dateTime={value}>{formatDateTime(value, locale, hydrated ? undefined : "UTC")}</time>;
}
