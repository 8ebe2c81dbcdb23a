import "server-only";
import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/contracts/shared/primitives";

/**
 * Seed 003 (NutriScan web client): `{success, message?, user?}` with a snake_case user. Each
 * describes the mapper of `lib/contracts/nutriscan/mappers.ts` named like it.
 */

const name = z.string().nullable().meta({ example: "John Doe" });
const isActive = z.boolean().meta({ description: "Seed 003: email verified and account not disabled." });

/** `user003`: the sign-up user. */
export const User003 = z
  .object({ id, name, email, is_active: isActive, email_verified: z.boolean(), created_at: timestamp })
  .meta({ id: "User003" });

/** `usersRegistered003`: `POST /api/users/register`. */
export const UsersRegisterAnswer003 = z
  .object({ success: successTrue, message, user: User003, emailSent: z.boolean() })
  .meta({ id: "UsersRegisterAnswer003", description: "Message: « Utilisateur créé avec succès » / \"User created successfully\"." });
export type UsersRegisterAnswer003 = z.infer<typeof UsersRegisterAnswer003>;

/** `userStatus003`: `GET /api/auth/status/{email}`. */
export const UserStatusAnswer003 = z
  .object({
    success: successTrue,
    user: z.object({ email, is_active: isActive, email_verified: z.boolean(), last_login: timestamp.nullable() }),
  })
  .meta({ id: "UserStatusAnswer003" });
export type UserStatusAnswer003 = z.infer<typeof UserStatusAnswer003>;

/** `expiringMessage003`: the "an email was sent" answers; `expiresIn` says how long its link lasts. */
export const ExpiringMessageAnswer003 = z
  .object({ success: successTrue, message, expiresIn: z.string().meta({ example: "24 heures" }) })
  .meta({ id: "ExpiringMessageAnswer003" });
export type ExpiringMessageAnswer003 = z.infer<typeof ExpiringMessageAnswer003>;

/** `emailVerified003`: `GET /api/verification/verify/{token}`. */
export const EmailVerifiedAnswer003 = z
  .object({ success: successTrue, message, user: z.object({ email, email_verified: z.boolean(), is_active: isActive }) })
  .meta({ id: "EmailVerifiedAnswer003" });
export type EmailVerifiedAnswer003 = z.infer<typeof EmailVerifiedAnswer003>;

/** `passwordResetUser003`: the reset-token answers (verify and reset). */
export const PasswordResetUserAnswer003 = z
  .object({ success: successTrue, message, user: z.object({ email, name }) })
  .meta({ id: "PasswordResetUserAnswer003" });
export type PasswordResetUserAnswer003 = z.infer<typeof PasswordResetUserAnswer003>;

/** `profileUser003`: `user003` plus `updated_at`. */
export const ProfileUser003 = z
  .object({
    id,
    name,
    email,
    is_active: z.boolean().meta({ description: "Email verified and account not disabled." }),
    email_verified: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "ProfileUser003" });

/** `profile003`. */
export const Profile003 = z
  .object({
    success: successTrue,
    user: ProfileUser003.extend({
      avatar_url: z.string().nullable().meta({ description: "Avatar URL (docs/contracts/README.md, \"Avatars\": shown in every profile shape); null when none." }),
    }),
  })
  .meta({ id: "Profile003" });
export type Profile003 = z.infer<typeof Profile003>;

/** `profileUpdated003`. */
export const ProfileUpdated003 = z
  .object({ success: successTrue, message, user: z.object({ id, name, email, updated_at: timestamp }) })
  .meta({ id: "ProfileUpdated003", description: "Message: « Profil mis à jour avec succès »." });
export type ProfileUpdated003 = z.infer<typeof ProfileUpdated003>;
