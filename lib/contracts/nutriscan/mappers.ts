import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { isActive003 } from "@/lib/contracts/shared/mappers";
import type { z } from "zod";
import type {
  EmailVerifiedAnswer003,
  ExpiringMessageAnswer003,
  PasswordResetUserAnswer003,
  Profile003,
  ProfileUpdated003,
  ProfileUser003,
  User003,
  UserStatusAnswer003,
  UsersRegisterAnswer003,
} from "@/lib/contracts/nutriscan/answers";

/** Seed 003 (NutriScan): `{success, message?, user?}` with a snake_case user. */

/** The user as its login and register show it. */
export function user003(user: User): z.output<typeof User003> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    is_active: isActive003(user),
    email_verified: user.emailVerified !== null,
    created_at: user.createdAt.toISOString(),
  };
}

/** `POST /api/users/register`: 201, no session; `emailSent` says whether the verification email left. */
export function usersRegistered003(user: User, emailSent: boolean, locale: Locale): z.output<typeof UsersRegisterAnswer003> {
  return { success: true, message: localize(locale, AUTH_MESSAGES.userCreated), user: user003(user), emailSent };
}

/** `GET /api/auth/status/{email}`. */
export function userStatus003(user: User): z.output<typeof UserStatusAnswer003> {
  return {
    success: true,
    user: {
      email: user.email,
      is_active: isActive003(user),
      email_verified: user.emailVerified !== null,
      last_login: user.lastLoginAt?.toISOString() ?? null,
    },
  };
}

/** An email was (or would have been) sent: its message and how long its link lasts. */
export function expiringMessage003(
  locale: Locale,
  key: "verificationSent" | "verificationResent" | "resetRequested",
  expiresIn: "expiresIn24Hours" | "expiresIn1Hour",
): z.output<typeof ExpiringMessageAnswer003> {
  return { success: true, message: localize(locale, AUTH_MESSAGES[key]), expiresIn: localize(locale, AUTH_MESSAGES[expiresIn]) };
}

/** `GET /api/verification/verify/{token}`. */
export function emailVerified003(user: User, locale: Locale): z.output<typeof EmailVerifiedAnswer003> {
  return {
    success: true,
    message: localize(locale, AUTH_MESSAGES.emailVerified),
    user: { email: user.email, email_verified: user.emailVerified !== null, is_active: isActive003(user) },
  };
}

/** The reset-token answers: the link is good (`resetTokenValid`), or the password is reset (`passwordReset`). */
export function passwordResetUser003(
  user: Pick<User, "email" | "name">,
  locale: Locale,
  key: "resetTokenValid" | "passwordReset",
): z.output<typeof PasswordResetUserAnswer003> {
  return { success: true, message: localize(locale, AUTH_MESSAGES[key]), user: { email: user.email, name: user.name } };
}

/** The profile's user is the sign-up user plus `updated_at`. */
function profileUser003(user: User): z.output<typeof ProfileUser003> {
  return { ...user003(user), updated_at: user.updatedAt.toISOString() };
}

/** The avatar URL shows in every profile shape (docs/contracts/README.md, "Avatars"). */
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
