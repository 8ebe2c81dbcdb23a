import type { ClientInfo } from "@/lib/api/client-info";
import type { DbTx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { sendEmail } from "@/lib/mail/send-email";
import { PasswordChangedEmail } from "@/lib/mail/templates/password-changed";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * What a new password means, whichever way it was set (change or reset): the hash is
 * stored, every session but `keepSessionId` ends (CONTRACT 5), pending reset links die, and
 * the audit log says why. Runs inside the caller's transaction.
 */
export async function applyNewPassword(
  options: {
    user: Pick<User, "id" | "emailVerified">;
    passwordHash: string;
    at: Date;
    keepSessionId?: string;
    /** A reset link reached the inbox, so it also proves the address. */
    provesEmail?: boolean;
    reason: "PASSWORD_CHANGED" | "PASSWORD_RESET";
    client: ClientInfo;
  },
  tx: DbTx,
): Promise<User> {
  const { user, at } = options;
  const updated = await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: options.passwordHash,
      lastPasswordChange: at,
      ...(options.provesEmail ? { emailVerified: user.emailVerified ?? at } : {}),
    },
  });
  await tx.session.updateMany({
    where: { userId: user.id, revokedAt: null, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) },
    data: { revokedAt: at },
  });
  await tx.verification.updateMany({ where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: at } });
  await recordAuditEvent({ userId: user.id, type: options.reason, client: options.client }, tx);
  return updated;
}

/** The security email that follows: in the account's language when it has one. */
export async function notifyPasswordChanged(options: { user: User; at: Date; client: ClientInfo; locale: Locale }): Promise<void> {
  const locale = isLocale(options.user.locale) ? options.user.locale : options.locale;
  await sendEmail({
    to: options.user.email,
    subject: localize(locale, AUTH_EMAILS.changedSubject),
    react: PasswordChangedEmail({ locale, at: options.at, client: options.client }),
    category: "security",
  });
}
