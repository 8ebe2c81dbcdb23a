import { z } from "zod";

/**
 * Codes as people type them: spaces and dashes are dropped ("123 456", "1234-5678").
 * A TOTP code has 6 digits, a backup code 8; wherever a TOTP code proves presence, a
 * backup code does too (docs/contracts/README.md "Two-factor authentication"), except to confirm set-up, which proves the app works.
 */
const digits = (pattern: RegExp) =>
  z
    .string("code.invalid")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(pattern, "code.invalid"));

export const totpCodeSchema = digits(/^\d{6}$/);
export const secondFactorCodeSchema = digits(/^(\d{6}|\d{8})$/);

/** Seed 000 `POST /api/users/profile/2fa/verify`: confirms set-up with the app's code. */
export const confirmTwoFactorSetupSchema = z.object({
  method: z.enum(["app", "totp"], "twoFactor.method").optional(),
  code: totpCodeSchema,
});

/** Seed 004 `POST /api/auth/2fa/enable`: `{}` starts set-up, `{token}` confirms it. */
export const enableTwoFactorSchema = z.object({ token: totpCodeSchema.optional() });

/** Seed 004 `POST /api/auth/2fa/verify`: the second step of an API sign-in. */
export const verifyTwoFactorLoginSchema = z.object({
  tempToken: z.string("required").trim().min(1, "required").max(256, "token.invalid"),
  token: secondFactorCodeSchema,
});

/** Seed 004 disable and backup-code regeneration: a current code. */
export const twoFactorCodeProofSchema = z.object({ token: secondFactorCodeSchema });

/**
 * Seed 000's body-less DELETE and regeneration: a recent sign-in suffices; a current code
 * (optional, our addition) works when the sign-in is older.
 */
export const optionalTwoFactorCodeProofSchema = z.object({ code: secondFactorCodeSchema.optional() });
