import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/locale";
import { VALIDATION_MESSAGES } from "@/lib/validation/messages";

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

/** `details` of a validation error: the first message for each field path. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[], locale: Locale): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    if (key in details) continue;
    const known = VALIDATION_MESSAGES[issue.message as keyof typeof VALIDATION_MESSAGES];
    details[key] = known ? known[locale] : issue.message;
  }
  return details;
}

/** Parses with the schema or throws VALIDATION_ERROR carrying a field-to-message map. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(data, { error: zodLocales[locale].localeError });
  if (!result.success) {
    throw new AppError("VALIDATION_ERROR", { details: issuesToDetails(result.error.issues, locale) });
  }
  return result.data;
}
