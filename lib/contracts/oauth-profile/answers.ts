import "server-only";
import { z } from "zod";
import { email, message, successTrue, unixSeconds } from "@/lib/contracts/shared/primitives";

/** Seed 001 (OAuth clients, scope `profile`): OpenID Connect claims, Unix-second times. Describes `lib/contracts/oauth-profile/mappers.ts`. */

const picture = z.string().nullable().meta({
  example: "https://storage.googleapis.com/paiecash-profile-photos/profile-photos/user123/1640995200000.jpg",
});

/** `profile001`. */
export const Profile001 = z
  .object({
    sub: z.string().meta({ example: "user123" }),
    email: email.meta({ example: "user@example.com" }),
    email_verified: z.boolean(),
    name: z.string().nullable().meta({ example: "John Doe" }),
    given_name: z.string().nullable().meta({ example: "John" }),
    family_name: z.string().nullable().meta({ example: "Doe" }),
    phone_number: z.string().nullable().meta({ example: "+33123456789" }),
    locale: z.string().nullable().meta({ example: "fr" }),
    picture,
    updated_at: unixSeconds,
    user_type: z.string().meta({ example: "player" }),
    is_active: z.boolean(),
    created_at: unixSeconds,
  })
  .meta({ id: "Profile001" });
export type Profile001 = z.infer<typeof Profile001>;

/** `userinfo001`: the profile claims plus the linked sign-in providers. */
export const Userinfo001 = Profile001.extend({
  social_accounts: z.array(
    z.object({ provider: z.string().meta({ example: "google" }), provider_type: z.literal("oauth"), linked_at: unixSeconds }),
  ),
}).meta({ id: "Userinfo001", description: "OpenID Connect UserInfo. A photo uploaded with `/api/auth/profile/photo` shows in `picture` at once." });
export type Userinfo001 = z.infer<typeof Userinfo001>;

/** `profileUpdated001`. */
export const ProfileUpdated001 = z
  .object({
    success: successTrue,
    message,
    profile: Profile001.pick({ given_name: true, family_name: true, phone_number: true, locale: true, picture: true, updated_at: true }),
  })
  .meta({ id: "ProfileUpdated001", description: "Message: \"Profile updated successfully\" (seed 001's document is in English)." });
export type ProfileUpdated001 = z.infer<typeof ProfileUpdated001>;

/** `photoUpdated001`. */
export const PhotoUpdated001 = z
  .object({ success: successTrue, message, picture, updated_at: unixSeconds })
  .meta({ id: "PhotoUpdated001", description: "Message: \"Profile photo updated successfully\"." });
export type PhotoUpdated001 = z.infer<typeof PhotoUpdated001>;

/** `photoDeleted001`. */
export const PhotoDeleted001 = z
  .object({ success: successTrue, message, updated_at: unixSeconds })
  .meta({ id: "PhotoDeleted001", description: "Message: \"Profile photo deleted successfully\"." });
export type PhotoDeleted001 = z.infer<typeof PhotoDeleted001>;
