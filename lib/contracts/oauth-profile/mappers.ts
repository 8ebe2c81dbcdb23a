import "server-only";
import type { z } from "zod";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { AppError, isAppError } from "@/lib/core/errors";
import type { User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import type { Profile } from "@/lib/services/profile/get-profile";
import type { ProfileChanges } from "@/lib/services/profile/update-profile";
import type { profileUpdate001Schema } from "@/lib/contracts/oauth-profile/requests";
import type { PhotoDeleted001, PhotoUpdated001, Profile001, ProfileUpdated001, Userinfo001 } from "@/lib/contracts/oauth-profile/answers";

/** Seed 001 (OAuth clients): OpenID Connect claims, times in Unix seconds. */

export const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function profile001({ user }: Profile): z.output<typeof Profile001> {
  return {
    sub: user.id,
    email: user.email,
    email_verified: user.emailVerified !== null,
    name: user.name,
    given_name: user.firstName,
    family_name: user.lastName,
    phone_number: user.phone,
    locale: user.locale,
    picture: user.image,
    updated_at: unixSeconds(user.updatedAt),
    user_type: user.userType,
    is_active: user.active,
    created_at: unixSeconds(user.createdAt),
  };
}

/** `GET /api/auth/userinfo`: the profile claims plus the linked sign-in providers. */
export function userinfo001(profile: Profile): z.output<typeof Userinfo001> {
  return {
    ...profile001(profile),
    social_accounts: profile.socialAccounts.map((a) => ({ provider: a.provider, provider_type: "oauth" as const, linked_at: unixSeconds(a.linkedAt) })),
  };
}

export function profileUpdated001({ user }: Profile, locale: Locale): z.output<typeof ProfileUpdated001> {
  return {
    success: true,
    message: localize(locale, PROFILE_MESSAGES.updated001),
    profile: {
      given_name: user.firstName,
      family_name: user.lastName,
      phone_number: user.phone,
      locale: user.locale,
      picture: user.image,
      updated_at: unixSeconds(user.updatedAt),
    },
  };
}

export function photoUpdated001(user: User, locale: Locale): z.output<typeof PhotoUpdated001> {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.photoUpdated), picture: user.image, updated_at: unixSeconds(user.updatedAt) };
}

export function photoDeleted001(user: User, locale: Locale): z.output<typeof PhotoDeleted001> {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.photoDeleted), updated_at: unixSeconds(user.updatedAt) };
}

export function profileChangesFrom001(body: z.output<typeof profileUpdate001Schema>): ProfileChanges {
  return {
    firstName: body.given_name,
    lastName: body.family_name,
    phone: body.phone_number,
    locale: body.locale,
    image: body.picture_url,
  };
}

/**
 * Seed 001 documents a file that is too large as a 400 ("Fichier manquant, type invalide
 * ou trop volumineux"), where the other families get 413: same refusal, its own status
 * (docs/contracts/README.md "Avatars").
 */
export function uploadError001(error: unknown, locale: Locale): never {
  if (isAppError(error) && error.code === "FILE_TOO_LARGE") {
    throw new AppError("INVALID_FILE", { message: ERROR_CODES.FILE_TOO_LARGE[locale], cause: error });
  }
  throw error;
}
