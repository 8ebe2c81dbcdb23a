import type { User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";

/** Seed 003 (NutriScan): snake_case; `is_active` means verified and not disabled (CONTRACT 5). */

export function user003(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    is_active: user.active && user.emailVerified !== null,
    email_verified: user.emailVerified !== null,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

/** CONTRACT 7: the avatar URL shows in every profile shape. */
export function profile003(user: User) {
  return { success: true, user: { ...user003(user), avatar_url: user.image } };
}

export function profileUpdated003(user: User, locale: Locale) {
  return {
    success: true,
    message: localize(locale, PROFILE_MESSAGES.updated),
    user: { id: user.id, name: user.name, email: user.email, updated_at: user.updatedAt.toISOString() },
  };
}

export function accountDeleted(locale: Locale) {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.accountDeleted) };
}
