import { z } from "zod";
import { email, message, successTrue, unixSeconds } from "@/lib/openapi/schemas/primitives";

/** Seed 001 (OAuth clients, scope `profile`): OpenID Connect claims, Unix-second times. Describes `lib/mappers/profile-001.ts`. */

const picture = z.string().nullable().meta({
  example: "https://storage.googleapis.com/paiecash-profile-photos/profile-photos/user123/1640995200000.jpg",
});

export const OidcProfile = z
  .object({
    sub: z.string().meta({ example: "user123" }),
    email,
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
  .meta({ id: "OidcProfile" });
export type OidcProfile = z.infer<typeof OidcProfile>;

export const SocialAccount = z
  .object({ provider: z.string().meta({ example: "google" }), provider_type: z.string().meta({ example: "oauth" }), linked_at: unixSeconds })
  .meta({ id: "SocialAccount" });

export const UserInfo = OidcProfile.extend({ social_accounts: z.array(SocialAccount) }).meta({
  id: "UserInfo",
  description: "OpenID Connect UserInfo: the profile claims plus linked social accounts.",
});
export type UserInfo = z.infer<typeof UserInfo>;

export const ProfileUpdateAnswer001 = z
  .object({
    success: successTrue,
    message,
    profile: OidcProfile.pick({ given_name: true, family_name: true, phone_number: true, locale: true, picture: true, updated_at: true }),
  })
  .meta({ id: "ProfileUpdateAnswer001" });
export type ProfileUpdateAnswer001 = z.infer<typeof ProfileUpdateAnswer001>;

export const PhotoUpdatedAnswer001 = z
  .object({ success: successTrue, message, picture: z.string(), updated_at: unixSeconds })
  .meta({ id: "PhotoUpdatedAnswer001" });
export type PhotoUpdatedAnswer001 = z.infer<typeof PhotoUpdatedAnswer001>;

export const PhotoDeletedAnswer001 = z
  .object({ success: successTrue, message, updated_at: unixSeconds })
  .meta({ id: "PhotoDeletedAnswer001" });
export type PhotoDeletedAnswer001 = z.infer<typeof PhotoDeletedAnswer001>;
