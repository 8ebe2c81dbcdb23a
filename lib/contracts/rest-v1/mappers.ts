import "server-only";
import type { Session } from "@/lib/generated/prisma/client";
import type { exportAccount } from "@/lib/services/account/export-account";
import type { LoginHistoryEntry } from "@/lib/services/login-events/list-login-history";
import type { Profile } from "@/lib/services/profile/get-profile";
import type { TwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { TWO_FACTOR_MESSAGES } from "@/lib/i18n/messages/two-factor";
import type { z } from "zod";
import type {
  LoginEvent004,
  LoginHistoryAnswer004,
  Me004,
  MeUpdated004,
  Session004,
  SessionListAnswer004,
  TwoFactorEnabled004,
  TwoFactorSetup004,
} from "@/lib/contracts/rest-v1/answers";

/** Seed 004 (Postman collection): `{success, message?, data}`, camelCase inside. */

export function me004({ user, twoFactor }: Profile): z.output<typeof Me004> {
  const enabledAt = twoFactor?.enabledAt ?? null;
  return {
    success: true,
    data: {
      user: {
        id: user.id,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        emailVerified: user.emailVerified !== null,
        emailVerifiedAt: user.emailVerified?.toISOString() ?? null,
        twoFactorEnabled: enabledAt !== null,
        twoFactorEnabledAt: enabledAt?.toISOString() ?? null,
        // The avatar URL shows in every profile shape (docs/contracts/README.md, "Avatars").
        avatarUrl: user.image,
        createdAt: user.createdAt.toISOString(),
        updatedAt: user.updatedAt.toISOString(),
      },
    },
  };
}

export function meUpdated004({ user }: Profile, locale: Locale): z.output<typeof MeUpdated004> {
  return {
    success: true,
    message: localize(locale, PROFILE_MESSAGES.updated),
    data: { user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, emailVerified: user.emailVerified !== null } },
  };
}

/** `{id, userAgent, ipAddress, createdAt, expiresAt, isCurrent}`. */
export function session004(session: Session, currentSessionId: string): z.output<typeof Session004> {
  return {
    id: session.id,
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    isCurrent: session.id === currentSessionId,
  };
}

/** `GET /api/sessions`: the one of this request marked `isCurrent`. */
export function sessionList004(sessions: Session[], currentSessionId: string): z.output<typeof SessionListAnswer004> {
  return { success: true, data: { sessions: sessions.map((s) => session004(s, currentSessionId)) } };
}

/** `{id, ipAddress, userAgent, success, createdAt}`. */
export function loginEvent004(event: LoginHistoryEntry): z.output<typeof LoginEvent004> {
  return {
    id: event.id,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    success: event.success,
    createdAt: event.createdAt.toISOString(),
  };
}

/** `GET /api/me/history`: a page, with the total and the paging it was asked for. */
export function loginHistory004(
  page: { events: LoginHistoryEntry[]; total: number },
  paging: { limit: number; offset: number },
): z.output<typeof LoginHistoryAnswer004> {
  return { success: true, data: { history: page.events.map(loginEvent004), total: page.total, limit: paging.limit, offset: paging.offset } };
}

/** `GET /api/me/export` answers the export as is, downloaded as a file named after its day. */
export function accountExportHeaders(data: Awaited<ReturnType<typeof exportAccount>>): Record<string, string> {
  return { "content-disposition": `attachment; filename="account-export-${data.exportedAt.slice(0, 10)}.json"` };
}

/** `POST /api/auth/2fa/enable {}` (step 10). */
export function twoFactorSetup004(setup: TwoFactorSetup, locale: Locale): z.output<typeof TwoFactorSetup004> {
  return {
    success: true as const,
    message: localize(locale, TWO_FACTOR_MESSAGES.setupStarted),
    data: { secret: setup.secret, qrCode: setup.qrCode, manualEntryKey: setup.secret },
  };
}

/**
 * `POST /api/auth/2fa/enable {token}` (step 11). Seed 004's flow shows no backup codes
 * anywhere else, so the confirming answer adds them under `data`.
 */
export function twoFactorEnabled004(backupCodes: string[] | null, locale: Locale): z.output<typeof TwoFactorEnabled004> {
  return {
    success: true as const,
    message: localize(locale, TWO_FACTOR_MESSAGES.enabledShort),
    ...(backupCodes ? { data: { backupCodes } } : {}),
  };
}
