import { z } from "zod";
import { now } from "@/lib/core/clock";

/**
 * Profile fields, validated once and reused by every family's schema and by the settings
 * forms. Each family's body is strict: a field it does not document (id, emailVerified,
 * twoFactorEnabled, passwordHash, role escalation...) is refused by name, never set.
 */

export const LIMITS = { name: 100, displayName: 200, title: 120, location: 120, bio: 1000, role: 100, url: 2048 } as const;

/** Free text: trimmed, bounded; "" or null clears it. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "string.tooLong")
    .nullable()
    .transform((v) => (v === "" ? null : v));

/** E.164-ish: an optional +, then digits with the usual separators; 6 to 15 digits. */
export const phoneSchema = z
  .string()
  .trim()
  .max(32, "phone.invalid")
  .regex(/^\+?[0-9][0-9 ().-]*$/, "phone.invalid")
  .refine((v) => {
    const digits = v.replace(/\D/g, "").length;
    return digits >= 6 && digits <= 15;
  }, "phone.invalid");

export const optionalPhone = z
  .union([z.literal(""), phoneSchema])
  .nullable()
  .transform((v) => (v === "" ? null : v));

/** "YYYY-MM-DD", a real day, not in the future and not before 1900. */
export const birthDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid")
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v && v >= "1900-01-01" && date.getTime() <= now().getTime();
  }, "date.invalid");

/** Stored counters (002): non-negative 32-bit integers. */
export const counterSchema = z
  .number({ error: "number.nonNegative" })
  .int("number.nonNegative")
  .min(0, "number.nonNegative")
  .max(2_147_483_647, "number.nonNegative");

export const firstNameSchema = z.string().trim().min(1, "required").max(LIMITS.name, "string.tooLong");
export const displayNameSchema = z.string().trim().min(1, "required").max(LIMITS.displayName, "string.tooLong");

/** 003 and 004 account deletion. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: "required" }).min(1, "required").max(1024, "string.tooLong"),
});

/** The settings form edits the union of the fields (same rules as the API). */
export const profileFormSchema = z.object({
  firstName: optionalText(LIMITS.name),
  lastName: optionalText(LIMITS.name),
  jobTitle: optionalText(LIMITS.title),
  company: optionalText(LIMITS.title),
  phone: optionalPhone,
  location: optionalText(LIMITS.location),
  bio: optionalText(LIMITS.bio),
});

/** An email-change link's token: the confirmation page's action and `POST /api/users/profile/email/confirm`. */
export const confirmEmailChangeSchema = z.object({
  token: z.string({ error: "required" }).trim().regex(/^[0-9a-fA-F]{64}$/, "token.invalid"),
});
