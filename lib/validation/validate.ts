import { z } from "zod";
import { AppError } from "@/lib/core/errors";
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

/**
 * The path of the first string (key or value) holding a NUL character, if any. PostgreSQL
 * text cannot store U+0000, so such a value would fail in the database as a 500; no
 * legitimate field carries one. Walked without recursion (bodies may nest deeply).
 */
export function nulPath(data: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: data, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path || "body";
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes("\u0000")) return childPath;
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return undefined;
}

/** Parses with the schema or throws VALIDATION_ERROR carrying a field-to-message map. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, locale: Locale): z.output<S> {
  const nul = nulPath(data);
  if (nul !== undefined) {
    throw new AppError("VALIDATION_ERROR", { details: { [nul]: VALIDATION_MESSAGES["string.nul"][locale] } });
  }
  const result = schema.safeParse(data, { error: zodLocales[locale].localeError });
  if (!result.success) {
    throw new AppError("VALIDATION_ERROR", { details: issuesToDetails(result.error.issues, locale) });
  }
  return result.data;
}
