import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { hashPassword, verifyPassword } from "@/lib/core/password";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import type { EndedAccess } from "@/lib/services/account/end-account-access";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { applyNewPassword, notifyPasswordChanged } from "@/lib/services/password/apply-new-password";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { VALIDATION_MESSAGES } from "@/lib/validation/messages";

/**
 * Changes the password of a signed-in user who proves the current one (401 INVALID_PASSWORD
 * otherwise). Every other session is revoked (docs/contracts/README.md "Sessions and tokens"), `keepSessionId` (the caller's)
 * survives, the pending email change and reset links die, personal access tokens and OAuth
 * grants too when `revokeTokensAndApps`, and the owner is told by email what was ended. The
 * current password as the new one is refused: it would end sessions without changing anything.
 */
export async function changePassword(
  options: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    keepSessionId?: string;
    revokeTokensAndApps?: boolean;
    client: ClientInfo;
    locale: Locale;
  },
  db: Db = prisma,
): Promise<{ user: User; ended: EndedAccess }> {
  // The route schemas refuse it first, under each dialect's field name; this guards other callers.
  if (options.newPassword === options.currentPassword) {
    throw new AppError("VALIDATION_ERROR", { details: { newPassword: localize(options.locale, VALIDATION_MESSAGES["password.unchanged"]) } });
  }
  const existing = await db.user.findUnique({ where: { id: options.userId } });
  if (!existing) throw new AppError("USER_NOT_FOUND");
  // A stolen access token must not become an oracle for the password: the try is taken from
  // the account's budget (shared with sign-in and every other check) before comparing.
  const attempt = await reserveAttempt({ userId: existing.id, factor: "password" }, db);
  if (!(await verifyPassword(options.currentPassword, existing.passwordHash))) {
    await recordAuditEvent({ userId: existing.id, type: "LOGIN_FAILED", client: options.client, metadata: { during: "change-password" } }, db);
    throw new AppError("INVALID_PASSWORD");
  }
  await releaseAttempt(attempt, db);
  const passwordHash = await hashPassword(options.newPassword);
  const at = now();
  const { user, ended } = await db.$transaction((tx) =>
    applyNewPassword(
      {
        user: existing,
        passwordHash,
        at,
        keepSessionId: options.keepSessionId,
        reason: "PASSWORD_CHANGED",
        endTokensAndApps: options.revokeTokensAndApps ?? false,
        client: options.client,
      },
      tx,
    ),
  );
  await notifyPasswordChanged({ user, at, client: options.client, locale: options.locale, ended });
  return { user, ended };
}
