import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getOptionalUser } from "@/lib/auth/require-user";
import { isLocale, negotiateLocale, type Locale } from "@/lib/i18n/locale";

/** The browser's preferred language, without looking at who is signed in. */
async function getRequestLocale(): Promise<Locale> {
  return negotiateLocale((await headers()).get("accept-language"));
}

/**
 * The language of the page being rendered: the signed-in user's saved `locale` when set,
 * else Accept-Language, else French. Cached per request, so the layout and the page agree
 * and the database is asked once.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const current = await getOptionalUser();
  if (current && isLocale(current.user.locale)) return current.user.locale;
  return getRequestLocale();
});
