import "server-only";
import { reauthWindowMs } from "@/lib/services/auth/recent-auth";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import type { TwoFactor, User } from "@/lib/generated/prisma/client";
import type { IssuedTokens } from "@/lib/services/sessions/create-session";
import type { z } from "zod";
import type {
  HealthAnswer,
  MessageAnswer,
  ReauthenticatedAnswer,
  RefreshAnswer,
  RegisterAnswer,
  SignInAnswer,
  SignInUser,
  TwoFactorChallengeAnswer,
} from "@/lib/contracts/shared/answers";

/** A user as the sign-in answers see it; include `twoFactor` to report 004's twoFactorEnabled. */
export type SignInUser = User & { twoFactor?: Pick<TwoFactor, "enabledAt"> | null };

/** 003's `is_active` (docs/contracts/nutriscan.md, "Field types"): email verified and not disabled. */
export function isActive003(user: Pick<User, "active" | "emailVerified">): boolean {
  return user.active && user.emailVerified !== null;
}

/**
 * The one user object of the login answer: 002 reads {id, name, email}, 003 adds
 * is_active, email_verified, created_at, 004 reads firstName, lastName, emailVerified,
 * twoFactorEnabled (docs/contracts/README.md, "Union answers: one route, several clients").
 */
export function signInUser(user: SignInUser, twoFactorEnabled?: boolean): z.output<typeof SignInUser> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    emailVerified: user.emailVerified !== null,
    twoFactorEnabled: twoFactorEnabled ?? Boolean(user.twoFactor?.enabledAt),
    is_active: isActive003(user),
    email_verified: user.emailVerified !== null,
    created_at: user.createdAt.toISOString(),
  };
}

/**
 * The union login answer (docs/contracts/README.md, "Union answers: one route, several
 * clients"), for login, 2FA verify and social sign-ins:
 * `{success, message, user, accessToken, data: {user, tokens: {accessToken, refreshToken}}}`.
 */
export function signInAnswer(options: {
  user: SignInUser;
  tokens: IssuedTokens | null;
  locale: Locale;
  message?: string;
  twoFactorEnabled?: boolean;
}): z.output<typeof SignInAnswer> {
  const user = signInUser(options.user, options.twoFactorEnabled);
  const message = options.message ?? localize(options.locale, AUTH_MESSAGES.loginSucceeded);
  // API sign-ins always open an API session; a browser one never reaches this answer.
  if (!options.tokens) throw new Error("signInAnswer needs the tokens of an API session");
  const tokens = { accessToken: options.tokens.accessToken, refreshToken: options.tokens.refreshToken };
  return { success: true as const, message, user, accessToken: tokens.accessToken, data: { user, tokens } };
}

/**
 * The login answer when a second factor is due (docs/contracts/README.md, "Union answers" and
 * "Two-factor authentication"): no session yet.
 */
export function twoFactorChallengeAnswer(options: { tempToken: string; locale: Locale }): z.output<typeof TwoFactorChallengeAnswer> {
  return {
    success: true as const,
    message: localize(options.locale, AUTH_MESSAGES.twoFactorRequired),
    requires2FA: true as const,
    tempToken: options.tempToken,
  };
}

/**
 * The sign-up answer of 002 and 004 (`POST /api/auth/register`): 004's
 * `{success, message, data: {user, tokens}}` and 002's `{user: {id, name, email}, accessToken}`.
 */
export function registerAnswer(options: { user: User; tokens: IssuedTokens | null; locale: Locale }): z.output<typeof RegisterAnswer> {
  const { user: u } = options;
  const user = { id: u.id, email: u.email, name: u.name, firstName: u.firstName, lastName: u.lastName, emailVerified: u.emailVerified !== null };
  const message = localize(options.locale, AUTH_MESSAGES.registered);
  if (!options.tokens) return { success: true as const, message, user, data: { user } };
  const tokens = { accessToken: options.tokens.accessToken, refreshToken: options.tokens.refreshToken };
  return { success: true as const, message, user, accessToken: tokens.accessToken, data: { user, tokens } };
}

/** A bare `{success, message}` answer with a message of lib/i18n/messages/auth.ts. */
export function messageAnswer(locale: Locale, key: keyof typeof AUTH_MESSAGES): z.output<typeof MessageAnswer> {
  return { success: true as const, message: localize(locale, AUTH_MESSAGES[key]) };
}

/** `POST /api/auth/reauthenticate`: the caller may make sensitive changes until `sudoUntil`. */
export function reauthenticatedAnswer(reauthenticatedAt: Date, locale: Locale): z.output<typeof ReauthenticatedAnswer> {
  return {
    success: true,
    message: localize(locale, AUTH_MESSAGES.reauthenticated),
    data: { reauthenticatedAt: reauthenticatedAt.toISOString(), sudoUntil: new Date(reauthenticatedAt.getTime() + reauthWindowMs()).toISOString() },
  };
}

/** `POST /api/auth/refresh`: only a new access token; the refresh token is not rotated. */
export function refreshAnswer(accessToken: string): z.output<typeof RefreshAnswer> {
  return { success: true, data: { accessToken } };
}

export function healthAnswer(databaseConnected: boolean): z.output<typeof HealthAnswer> {
  return { status: databaseConnected ? "ok" : "error", database: databaseConnected ? "connected" : "disconnected" };
}
