import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 003 (NutriScan web client): snake_case users. Describes `lib/mappers/profile-003.ts`. */

const name = z.string().nullable().meta({ example: "John Doe" });
const isActive = z.boolean().meta({ description: "Email verified and account not disabled." });

export const User003 = z
  .object({ id, name, email, is_active: isActive, email_verified: z.boolean(), created_at: timestamp })
  .meta({ id: "User003" });

export const UsersRegisterAnswer003 = z
  .object({ success: successTrue, message, user: User003, emailSent: z.boolean() })
  .meta({ id: "UsersRegisterAnswer003" });
export type UsersRegisterAnswer003 = z.infer<typeof UsersRegisterAnswer003>;

export const UserStatusAnswer003 = z
  .object({
    success: successTrue,
    user: z.object({ email, is_active: isActive, email_verified: z.boolean(), last_login: timestamp.nullable() }),
  })
  .meta({ id: "UserStatusAnswer003" });
export type UserStatusAnswer003 = z.infer<typeof UserStatusAnswer003>;

export const UserProfileAnswer003 = z
  .object({ success: successTrue, user: User003.extend({ updated_at: timestamp }) })
  .meta({ id: "UserProfileAnswer003" });
export type UserProfileAnswer003 = z.infer<typeof UserProfileAnswer003>;

export const UserProfileUpdateAnswer003 = z
  .object({ success: successTrue, message, user: z.object({ id, name, email, updated_at: timestamp }) })
  .meta({ id: "UserProfileUpdateAnswer003" });
export type UserProfileUpdateAnswer003 = z.infer<typeof UserProfileUpdateAnswer003>;

export const ExpiringMessageAnswer003 = z
  .object({ success: successTrue, message, expiresIn: z.string().meta({ example: "24 heures" }) })
  .meta({ id: "ExpiringMessageAnswer003", description: "An email was sent; `expiresIn` says how long its link lasts." });
export type ExpiringMessageAnswer003 = z.infer<typeof ExpiringMessageAnswer003>;

export const EmailVerifiedAnswer003 = z
  .object({ success: successTrue, message, user: z.object({ email, email_verified: z.boolean(), is_active: isActive }) })
  .meta({ id: "EmailVerifiedAnswer003" });
export type EmailVerifiedAnswer003 = z.infer<typeof EmailVerifiedAnswer003>;

export const PasswordResetUserAnswer003 = z
  .object({ success: successTrue, message, user: z.object({ email, name }) })
  .meta({ id: "PasswordResetUserAnswer003" });
export type PasswordResetUserAnswer003 = z.infer<typeof PasswordResetUserAnswer003>;
