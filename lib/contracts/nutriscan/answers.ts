import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 003 (NutriScan web client): snake_case. Describes `lib/mappers/profile-003.ts`. */

const name = z.string().nullable().meta({ example: "John Doe" });

/** `profileUser003` of profile-003: `user003` of the auth mappers plus `updated_at`. */
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
      avatar_url: z.string().nullable().meta({ description: "Avatar URL (CONTRACT 7: shown in every profile shape); null when none." }),
    }),
  })
  .meta({ id: "Profile003" });
export type Profile003 = z.infer<typeof Profile003>;

/** `profileUpdated003`. */
export const ProfileUpdated003 = z
  .object({ success: successTrue, message, user: z.object({ id, name, email, updated_at: timestamp }) })
  .meta({ id: "ProfileUpdated003", description: "Message: « Profil mis à jour avec succès »." });
export type ProfileUpdated003 = z.infer<typeof ProfileUpdated003>;

/** `accountDeleted` (seeds 003 and 004). */
export const AccountDeleted = z
  .object({ success: successTrue, message })
  .meta({ id: "AccountDeleted", description: "Message: « Compte supprimé avec succès »." });
export type AccountDeleted = z.infer<typeof AccountDeleted>;
