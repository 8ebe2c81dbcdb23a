import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import type { DbTx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { sendEmail } from "@/lib/mail/send-email";
import { PasswordChangedEmail } from "@/lib/mail/templates/password-changed";
import { endAccountAccess, type EndedAccess } from "@/lib/services/account/end-account-access";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * What a new password means, whichever way it was set (change or reset): the hash is
 * stored, every session but `keepSessionId` ends (docs/contracts/README.md "Sessions and tokens"), the pending email change and
 * reset links die, with `endTokensAndApps` personal access tokens and OAuth grants too, and
 * the audit log says why. Runs inside the caller's transaction; answers what was ended.
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
    /** A reset always ends them (an intruder may hold them); a change only when asked. */
    endTokensAndApps: boolean;
    client: ClientInfo;
  },
  tx: DbTx,
): Promise<{ user: User; ended: EndedAccess }> {
  const { user, at } = options;
  const updated = await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: options.passwordHash,
      lastPasswordChange: at,
      ...(options.provesEmail ? { emailVerified: user.emailVerified ?? at } : {}),
    },
  });
  const ended = await endAccountAccess(
    {
      userId: user.id,
      at,
      keepSessionId: options.keepSessionId,
      reason: options.reason === "PASSWORD_RESET" ? "password-reset" : "password-changed",
      tokensAndApps: options.endTokensAndApps,
    },
    tx,
  );
  await tx.verification.updateMany({ where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: at } });
  await recordAuditEvent({ userId: user.id, type: options.reason, client: options.client, metadata: { ended } }, tx);
  return { user: updated, ended };
}

/** The security email that follows: in the account's language when it has one. */
export async function notifyPasswordChanged(options: { user: User; at: Date; client: ClientInfo; locale: Locale; ended: EndedAccess }): Promise<void> {
  const locale = isLocale(options.user.locale) ? options.user.locale : options.locale;
  await sendEmail({
    to: options.user.email,
    subject: localize(locale, AUTH_EMAILS.changedSubject),
    react: PasswordChangedEmail({ locale, at: options.at, client: options.client, ended: options.ended }),
    category: "security",
  });
}
