import type { User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { user003 } from "@/lib/mappers/auth";
import type { z } from "zod";
import type { AccountDeleted, Profile003, ProfileUpdated003, ProfileUser003 } from "@/lib/openapi/schemas/profile-003";

/** Seed 003 (NutriScan): snake_case. The profile's user is the sign-up user plus `updated_at`. */

function profileUser003(user: User): z.output<typeof ProfileUser003> {
  return { ...user003(user), updated_at: user.updatedAt.toISOString() };
}

/** CONTRACT 7: the avatar URL shows in every profile shape. */
export function profile003(user: User): z.output<typeof Profile003> {
  return { success: true, user: { ...profileUser003(user), avatar_url: user.image } };
}

export function profileUpdated003(user: User, locale: Locale): z.output<typeof ProfileUpdated003> {
  return {
    success: true,
    message: localize(locale, PROFILE_MESSAGES.updated),
    user: { id: user.id, name: user.name, email: user.email, updated_at: user.updatedAt.toISOString() },
  };
}

export function accountDeleted(locale: Locale): z.output<typeof AccountDeleted> {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.accountDeleted) };
}
