import { z } from "zod";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";

/** What a caller shows to re-authenticate: the password, or a TOTP or backup code when 2FA is on. */
export type ReauthProof = { password: string } | { code: string };

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

/** What the sudo dialog sends: a proof, before the schema has checked it. */
export type ReauthenticateInput = ReauthProof;
