import type { ClientInfo } from "@/lib/api/client-info";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { sendEmail } from "@/lib/mail/send-email";
import { PasswordChangedEmail } from "@/lib/mail/templates/password-changed";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken } from "@/lib/services/verification/one-time-token";

/**
 * Sets a new password from a reset link: the link works once (even under concurrent
 * requests), every session of the account is revoked, other reset links die with it, and
 * the owner is told by email. The link reached the inbox, so it also proves the address.
 */
export async function resetPassword(
  options: { token: string; newPassword: string; client: ClientInfo; locale: Locale },
  db: Db = prisma,
): Promise<{ user: User }> {
  const passwordHash = await hashPassword(options.newPassword);
  const at = now();
  const user = await db.$transaction(async (tx) => {
    const row = await consumeOneTimeToken("PASSWORD_RESET", options.token, tx);
    const owner = row?.userId ? await tx.user.findUnique({ where: { id: row.userId } }) : null;
    if (!row || !owner || !owner.active || (row.target && row.target !== owner.email)) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
    const updated = await tx.user.update({
      where: { id: owner.id },
      data: { passwordHash, lastPasswordChange: at, emailVerified: owner.emailVerified ?? at },
    });
    await tx.session.updateMany({ where: { userId: owner.id, revokedAt: null }, data: { revokedAt: at } });
    await tx.verification.updateMany({ where: { userId: owner.id, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: at } });
    await recordAuditEvent({ userId: owner.id, type: "PASSWORD_RESET", client: options.client }, tx);
    return updated;
  });
  const locale = isLocale(user.locale) ? user.locale : options.locale;
  await sendEmail({
    to: user.email,
    subject: localize(locale, AUTH_EMAILS.changedSubject),
    react: PasswordChangedEmail({ locale, at, client: options.client }),
    category: "security",
  });
  return { user };
}
