import { z } from "zod";
import { passwordSchema } from "@/lib/validation/password";
import { requiredString } from "@/lib/validation/required-string";

/** Emails are compared and stored lower-cased (a CHECK constraint holds the table to it). */
export const emailSchema = requiredString().trim().toLowerCase().max(254, "string.tooLong").pipe(z.email("email.invalid"));

const optionalName = z.string().trim().max(100, "string.tooLong").optional();

/** A login password is only checked against the hash: no policy, just a sane bound. */
const loginPasswordSchema = requiredString().min(1, "required").max(1024, "string.tooLong");

/** An emailed or issued token (verification, reset, refresh): opaque, bounded. */
export const tokenSchema = requiredString().trim().min(1, "required").max(256, "token.invalid");

/** Login for every family (002 `/auth/login` and `/auth/signin`, 003, 004). */
export const loginSchema = z.object({ email: emailSchema, password: loginPasswordSchema });

/** Sign-up: 004 sends firstName/lastName, 002 and 003 send name. */
export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: optionalName,
  firstName: optionalName,
  lastName: optionalName,
});

export const emailOnlySchema = z.object({ email: emailSchema });

/**
 * Optional on every password change (an addition to the seeds' bodies, which stay valid
 * without it): also revoke personal access tokens and third-party apps' grants.
 */
export const revokeTokensAndAppsSchema = z
  .boolean("boolean.expected")
  .optional()
  .meta({ description: "Also revoke every personal access token and every third-party app's grant (default false). Other sessions and a pending email change always end." });

/** The current password as the new one would end sessions without changing anything: refused, on the new field. */
export function refuseUnchangedPassword<T>(current: (body: T) => unknown, next: (body: T) => unknown, path: string) {
  return (body: T, ctx: z.RefinementCtx) => {
    const value = next(body);
    if (typeof value === "string" && value === current(body)) ctx.addIssue({ code: "custom", path: [path], message: "password.unchanged" });
  };
}

export const changePasswordSchema = z
  .object({
    currentPassword: loginPasswordSchema,
    newPassword: passwordSchema,
    revokeTokensAndApps: revokeTokensAndAppsSchema,
  })
  .superRefine(refuseUnchangedPassword((b) => b.currentPassword, (b) => b.newPassword, "newPassword"));

/**
 * `POST /api/auth/reauthenticate` and the re-authentication dialog: the password, or a TOTP
 * or backup code (accounts with 2FA). Exactly one.
 */
export const reauthenticateSchema = z.union([
  z.strictObject({ password: loginPasswordSchema }),
  z.strictObject({ code: requiredString().trim().min(1, "required").max(32, "code.invalid") }),
]);

/** 004 `POST /auth/reset-password` and 002 `/auth/reset-password/confirm`. */
export const resetPasswordSchema = z.object({ token: tokenSchema, newPassword: passwordSchema });
