import type { ClientInfo } from "@/lib/api/client-info";
import { AppError } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { applyNewPassword, notifyPasswordChanged } from "@/lib/services/password/apply-new-password";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";

/**
 * Changes the password of a signed-in user who proves the current one (401 INVALID_PASSWORD
 * otherwise). Every other session is revoked (CONTRACT 5), `keepSessionId` (the caller's)
 * survives, pending reset links die, and the owner is told by email.
 */
export async function changePassword(
  options: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string; client: ClientInfo; locale: Locale },
  db: Db = prisma,
): Promise<{ user: User }> {
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
  const user = await db.$transaction((tx) =>
    applyNewPassword({ user: existing, passwordHash, at, keepSessionId: options.keepSessionId, reason: "PASSWORD_CHANGED", client: options.client }, tx),
  );
  await notifyPasswordChanged({ user, at, client: options.client, locale: options.locale });
  return { user };
}
