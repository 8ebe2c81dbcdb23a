import "server-only";
import { z } from "zod";
import { LIMITS, optionalPhone, optionalText } from "@/lib/validation/profile";
import { strictBody } from "@/lib/validation/strict-body";

/** Request schemas of the OAuth profile clients (seed 001, docs/contracts/oauth-profile.md "Claims update"). */

/** An external picture (`picture_url`): http(s) only, so no javascript: or data: URL reaches an <img>. */
export const pictureUrlSchema = z
  .string()
  .trim()
  .max(LIMITS.url, "url.invalid")
  .pipe(z.url({ protocol: /^https?$/, error: "url.invalid" }))
  .nullable();

/** A BCP 47 language tag ("fr", "en-GB"). */
export const localeTagSchema = z
  .string()
  .trim()
  .max(35, "string.tooLong")
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "locale.invalid");

/** `PUT /api/auth/profile`. */
export const profileUpdate001Schema = strictBody({
  given_name: optionalText(LIMITS.name).optional(),
  family_name: optionalText(LIMITS.name).optional(),
  phone_number: optionalPhone.optional(),
  locale: localeTagSchema.nullable().optional(),
  picture_url: pictureUrlSchema.optional(),
});
