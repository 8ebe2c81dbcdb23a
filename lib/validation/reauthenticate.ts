import { z } from "zod";
import type { ReauthProof } from "@/lib/services/auth/reauthenticate";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";

/**
 * A re-authentication (sudo mode): `{password}`, or `{code}` (TOTP or backup) for an account
 * with 2FA. Exactly one of the two; a refusal names the field it is about, so the dialog
 * shows it there.
 */
export const reauthenticateSchema = z
  .object({
    password: z.string("required").min(1, "required").max(1024, "string.tooLong").optional(),
    code: secondFactorCodeSchema.optional(),
  })
  .refine((proof) => proof.password !== undefined || proof.code !== undefined, { message: "required", path: ["password"] })
  .refine((proof) => proof.password === undefined || proof.code === undefined, { message: "required", path: ["code"] })
  .transform((proof): ReauthProof => (proof.code !== undefined ? { code: proof.code } : { password: proof.password ?? "" }));

export type ReauthenticateInput = { password: string } | { code: string };
