import "server-only";
import { z } from "zod";
import { emailSchema, refuseUnchangedPassword, revokeTokensAndAppsSchema } from "@/lib/validation/auth";
import { passwordSchema } from "@/lib/validation/password";
import { LIMITS, optionalPhone, optionalText } from "@/lib/validation/profile";
import { strictBody } from "@/lib/validation/strict-body";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";

/** Request schemas of the settings app's API (seed 000); the settings pages' own forms use lib/validation. */

/** `PUT /api/users/profile`. */
export const profileUpdate000Schema = strictBody({
  first_name: optionalText(LIMITS.name).optional(),
  last_name: optionalText(LIMITS.name).optional(),
  email: emailSchema.optional(),
  job_title: optionalText(LIMITS.title).optional(),
  company: optionalText(LIMITS.title).optional(),
  phone: optionalPhone.optional(),
});

/** `PUT /api/users/profile/password`. */
export const passwordChange000Schema = strictBody({
  current_password: z.string({ error: "required" }).min(1, "required").max(1024, "string.tooLong"),
  new_password: passwordSchema,
  revoke_tokens_and_apps: revokeTokensAndAppsSchema,
}).superRefine(refuseUnchangedPassword((b) => b.current_password, (b) => b.new_password, "new_password"));

/** `GET /api/users/profile/login-history?limit=&offset=`. */
export const loginHistoryQuerySchema = z.object({
  limit: z.coerce.number({ error: "number.nonNegative" }).int("number.nonNegative").min(1, "number.nonNegative").max(100, "number.nonNegative").default(50),
  offset: z.coerce.number({ error: "number.nonNegative" }).int("number.nonNegative").min(0, "number.nonNegative").default(0),
});

/** `GET /api/users/profile/email/confirm?token=`: an emailed link, followed as it is. */
export const emailChangeLinkQuerySchema = z.object({ token: z.string().optional().meta({ description: "The 64 hex characters of the emailed link." }) });

/**
 * `DELETE /api/users/profile/2fa` and `POST .../2fa/backup-codes`: body-less, a recent
 * sign-in suffices; a current code (optional, our addition) works when the sign-in is older.
 */
export const optionalTwoFactorCodeProofSchema = z.object({ code: secondFactorCodeSchema.optional() });

/**
 * `POST /api/integrations/{id}/callback`, seed 000's "paramètres de callback": what the
 * provider put on the redirect, forwarded by the client. Either a code or the provider's
 * error, always with the state.
 */
export const integrationCallbackSchema = z
  .object({
    code: z.string().trim().min(1, "required").max(4096, "string.tooLong").optional(),
    state: z.string({ error: "required" }).trim().min(1, "required").max(512, "string.tooLong"),
    error: z.string().trim().min(1).max(256, "string.tooLong").optional(),
    error_description: z.string().max(2048, "string.tooLong").optional(),
  })
  .refine((value) => value.code !== undefined || value.error !== undefined, { path: ["code"], message: "required" });
