import "server-only";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { assertOwnEmail } from "@/lib/services/profile/assert-own-email";
import { refuseUnchangedPassword, registerSchema, revokeTokensAndAppsSchema } from "@/lib/validation/auth";
import { passwordSchema } from "@/lib/validation/password";
import { displayNameSchema } from "@/lib/validation/profile";
import { requiredString } from "@/lib/validation/required-string";
import { strictBody } from "@/lib/validation/strict-body";

/** `/api/users/profile/{email}`: the account named by email in the path. */
export const ownEmailPath = z.object({ email: z.string().meta({ description: "The caller's own email; any other gets 403.", example: "user@example.com" }) });

/** `/api/auth/status/{email}`. */
export const statusEmailPath = z.object({ email: z.string().meta({ description: "The caller's email.", example: "user@example.com" }) });

/**
 * The `beforeBody` of the routes naming the account by email in the path: only the caller's own
 * address is served (docs/contracts/nutriscan.md, "Authentication"), refused before the body
 * is read, whatever it holds.
 */
export function callerOwnsPathEmail({ caller, params }: { caller: Caller; params: { email: string } }): void {
  assertOwnEmail(params.email, caller.user.email);
}

const EXAMPLE_TOKEN = "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f";

/** The token of an emailed link, in the path (`/api/verification/verify/{token}`, `/api/auth/password-reset/.../{token}`). */
export const tokenPath = z.object({
  token: z.string().meta({ description: "The 64 hex characters of the emailed link.", example: EXAMPLE_TOKEN }),
});

/** `POST /api/users/register`: the name is part of its form, and a confirmation must match. */
export const registerWithConfirmationSchema = registerSchema
  .extend({ name: requiredString().trim().min(1, "required").max(100, "string.tooLong"), confirmPassword: requiredString() })
  .refine((v) => v.password === v.confirmPassword, { message: "password.mismatch", path: ["confirmPassword"] });

/** `POST /api/auth/password-reset/reset/{token}`. */
export const resetPasswordWithConfirmationSchema = z
  .object({ password: passwordSchema, confirmPassword: requiredString() })
  .refine((v) => v.password === v.confirmPassword, { message: "password.mismatch", path: ["confirmPassword"] });

/** `PUT /api/users/profile/{email}`: a new password needs the current one. */
export const profileUpdate003Schema = strictBody({
  name: displayNameSchema.optional(),
  currentPassword: z.string().min(1, "required").max(1024, "string.tooLong").optional(),
  newPassword: passwordSchema.optional(),
  revokeTokensAndApps: revokeTokensAndAppsSchema,
}).superRefine((body, ctx) => {
  if (body.newPassword !== undefined && body.currentPassword === undefined) {
    ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "required" });
  }
  refuseUnchangedPassword<typeof body>((b) => b.currentPassword, (b) => b.newPassword, "newPassword")(body, ctx);
});
