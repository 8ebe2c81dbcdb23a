import type { FieldErrors, FieldValues, Path, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locale";
import { VALIDATION_MESSAGES, type ValidationMessageKey } from "@/lib/validation/messages";

/** The shared schemas carry message keys ("password.min"); the form shows them in its language. */
export function translateMessage(message: string, locale: Locale, fallback: string): string {
  const known = VALIDATION_MESSAGES[message as ValidationMessageKey];
  if (known) return known[locale];
  // zod's own English texts ("Invalid input: ...") would be out of place in a French form.
  return message.startsWith("Invalid") || message.startsWith("Too ") ? fallback : message;
}

/**
 * A react-hook-form resolver over one of the API's own zod schemas. It is made when the form's
 * code arrives (see use-lazy-form.tsx), which is when the person starts on the form, and
 * starts fetching the schemas module then, so it is ready by the first check; it is never
 * part of the page's first-load JavaScript. If the schema cannot run in the browser, the form
 * submits and the server action, which validates with the same schema, answers the field
 * errors. `refine` messages may be keys of VALIDATION_MESSAGES, like the schemas' own.
 */
export function lazySchemaResolver<V extends FieldValues>(
  load: () => Promise<z.ZodType>,
  locale: Locale,
  fallbackMessage: string,
  /** Extra checks beyond the schema (e.g. "the two new passwords match"). */
  refine?: (values: V) => Partial<Record<Path<V>, string>>,
): Resolver<V> {
  let schema: Promise<z.ZodType> | undefined = load();
  schema.catch(() => {
    schema = undefined;
  });
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    try {
      schema ??= load();
      const result = await (await schema).safeParseAsync(values);
      if (!result.success) {
        for (const issue of result.error.issues) {
          // One message per field: a problem with one item of a list (a ticked box) is the list's.
          const key = issue.path.length ? String(issue.path[0]) : "";
          if (!key || key in errors) continue;
          errors[key] = { type: issue.code, message: translateMessage(issue.message, locale, fallbackMessage) };
        }
      }
    } catch {
      schema = undefined;
    }
    for (const [key, message] of Object.entries(refine?.(values) ?? {})) {
      if (typeof message === "string" && !(key in errors)) errors[key] = { type: "custom", message: translateMessage(message, locale, fallbackMessage) };
    }
    return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<V> } : { values, errors: {} };
  };
}
