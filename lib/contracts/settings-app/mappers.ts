import "server-only";
import type { z } from "zod";
import type { ErrorCode } from "@/lib/core/error-codes";
import { env } from "@/lib/core/env";
import type { IntegrationConnection, User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { INTEGRATION_MESSAGES } from "@/lib/i18n/messages/integrations";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import type { Integration } from "@/lib/integrations/catalog";
import type { MessageAnswer } from "@/lib/contracts/shared/answers";
import type { IntegrationListing } from "@/lib/services/integrations/list-integrations";
import type { TwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import type { FullProfile } from "@/lib/services/profile/get-full-profile";
import type { LoginHistoryEntry } from "@/lib/services/login-events/list-login-history";
import { EMAIL_CHANGE_CONFIRM_PAGE } from "@/lib/services/profile/request-email-change";
import type { ProfileChanges } from "@/lib/services/profile/update-profile";
import type { NotificationPreferences as Preferences } from "@/lib/validation/notifications";
import type {
  AvatarUpdated000,
  EmailChanged000,
  IntegrationAuthUrlAnswer,
  IntegrationCallbackAnswer,
  IntegrationDetails,
  IntegrationListAnswer,
  LoginHistory000,
  LoginHistoryEntry000,
  NotificationPreferences,
  PasswordChanged000,
  Profile000,
  TwoFactorInit000,
} from "@/lib/contracts/settings-app/answers";
import type { profileUpdate000Schema } from "@/lib/contracts/settings-app/requests";

/** Seed 000 (the portal's settings front end): snake_case, everything in one object. */

export function loginHistoryEntry000(entry: LoginHistoryEntry): z.output<typeof LoginHistoryEntry000> {
  return {
    timestamp: entry.createdAt.toISOString(),
    device: entry.deviceLabel,
    location: entry.location,
    status: entry.success ? ("success" as const) : ("failed" as const),
  };
}

export function profile000(profile: FullProfile): z.output<typeof Profile000> {
  const { user, twoFactor } = profile;
  const twoFactorEnabled = Boolean(twoFactor?.enabledAt);
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    job_title: user.jobTitle,
    company: user.company,
    phone: user.phone,
    avatar_url: user.image,
    last_password_change: user.lastPasswordChange?.toISOString() ?? null,
    two_factor_enabled: twoFactorEnabled,
    two_factor_method: twoFactorEnabled ? (twoFactor?.method ?? "app") : null,
    notification_preferences: profile.notificationPreferences,
    integrations: profile.integrations.map((i) => ({ id: i.id, connected: i.connected, connected_at: i.connected_at })),
    login_history: profile.loginHistory.map(loginHistoryEntry000),
  };
}

export function profileChangesFrom000(body: z.output<typeof profileUpdate000Schema>): ProfileChanges {
  return {
    firstName: body.first_name,
    lastName: body.last_name,
    email: body.email,
    jobTitle: body.job_title,
    company: body.company,
    phone: body.phone,
  };
}

export function loginHistory000(entries: LoginHistoryEntry[]): z.output<typeof LoginHistory000> {
  return entries.map(loginHistoryEntry000);
}

export function avatarUpdated000(user: User, locale: Locale): z.output<typeof AvatarUpdated000> {
  return { avatar_url: user.image, message: localize(locale, PROFILE_MESSAGES.avatarUpdated) };
}

export function passwordChanged000(user: User, locale: Locale): z.output<typeof PasswordChanged000> {
  return { message: localize(locale, PROFILE_MESSAGES.passwordChanged), last_password_change: user.lastPasswordChange?.toISOString() ?? null };
}

export function notificationPreferences(preferences: Preferences): z.output<typeof NotificationPreferences> {
  return { email: preferences.email, push: preferences.push, desktop: preferences.desktop };
}

/** `POST /api/users/profile/email/confirm` from an API client (JSON). */
export function emailChanged000(user: User, locale: Locale): z.output<typeof EmailChanged000> {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.emailChanged), email: user.email };
}

// 303 with no-store: a link's answer must not be cached with its token.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * An emailed confirmation link: to the portal page that asks for a click before changing
 * anything (mail scanners follow links). The token stays in the query, as in the link.
 */
export function emailChangeConfirmPage(token: string): Response {
  return seeOther(`${env().APP_URL}${EMAIL_CHANGE_CONFIRM_PAGE}?token=${encodeURIComponent(token)}`);
}

/** The confirmation page's form post: back to sign-in, with the outcome (and the refusal's code). */
export function emailChangeFormAnswer(refusal?: ErrorCode): Response {
  return seeOther(`${env().APP_URL}/login?${refusal ? `emailChanged=0&error=${refusal}` : "emailChanged=1"}`);
}

/** `GET /api/integrations`: "Liste des intégrations disponibles", a bare array. */
export function integrationListAnswer(listings: IntegrationListing[]): z.output<typeof IntegrationListAnswer> {
  return listings.map((i) => ({
    id: i.id,
    name: i.name,
    description: i.description,
    scopes: i.scopes,
    configured: i.configured,
    connected: i.connected,
    connected_at: i.connected_at,
  }));
}

export function integrationAuthUrlAnswer({ authUrl }: { authUrl: string }): z.output<typeof IntegrationAuthUrlAnswer> {
  return { authUrl };
}

/** `integration_details`: what was connected, never a token. */
export function integrationDetails(integration: Integration, connection: IntegrationConnection): z.output<typeof IntegrationDetails> {
  return {
    id: integration.id,
    name: integration.name,
    connected: true,
    connected_at: connection.connectedAt.toISOString(),
    scopes: connection.scope ? connection.scope.split(/[ ,]+/).filter(Boolean) : integration.scopes,
    account: connection.externalAccount,
    expires_at: connection.expiresAt ? connection.expiresAt.toISOString() : null,
  };
}

export function integrationCallbackAnswer(integration: Integration, connection: IntegrationConnection): z.output<typeof IntegrationCallbackAnswer> {
  return { success: true, integration_details: integrationDetails(integration, connection) };
}

export function integrationDisconnected(locale: Locale): z.output<typeof MessageAnswer> {
  return { success: true, message: localize(locale, INTEGRATION_MESSAGES.disconnected) };
}

/** Seed 000 `POST /api/users/profile/2fa/init`. */
export function twoFactorInit000(setup: TwoFactorSetup): z.output<typeof TwoFactorInit000> {
  return { qrCode: setup.qrCode, secretKey: setup.secret, backupCodes: setup.backupCodes, method: "app" as const };
}
