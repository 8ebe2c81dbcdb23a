import "server-only";
import { createElement } from "react";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { assertSudoGrant, type SudoGrant } from "@/lib/services/auth/sudo-grant";
import { prisma, type DbTx } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { sendEmail } from "@/lib/mail/send-email";
import { EmailChangeNoticeEmail } from "@/lib/mail/templates/email-change-notice";
import { EmailChangeRequestEmail } from "@/lib/mail/templates/email-change-request";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeRateLimit, enforceEmailRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
/** The portal pages the emailed links open (the API's GET confirm route redirects to the first). */
export const EMAIL_CHANGE_CONFIRM_PAGE = "/confirm-email-change";
export const EMAIL_CHANGE_CANCEL_PAGE = "/cancel-email-change";
/**
 * Requests per account and hour, counted before the address is checked: a 409 tells that an
 * address has an account, so refusals count as much as links sent (issue 15, item 7).
 */
export const EMAIL_CHANGE_REQUESTS_PER_ACCOUNT = { limit: 10, windowMs: 60 * 60 * 1000 };

/** Refuses an address another account already uses: 409, as at sign-up (docs/contracts/settings-app.md "Routes"). */
export async function assertEmailAvailable(email: string, userId: string, db: DbTx = prisma): Promise<void> {
  const owner = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== userId) throw new AppError("EMAIL_ALREADY_EXISTS");
}

/**
 * Starts an email change: the new address gets a 24-hour single-use link, the current one
 * is told with a link that cancels it (and signs every device out). Nothing changes on the
 * account until the link is used, so the current address stays the sign-in address
 * meanwhile. At most EMAIL_CHANGE_REQUESTS_PER_ACCOUNT per account, whatever the answer.
 * Answers false when the address is already the user's.
 */
export async function requestEmailChange(
  options: {
    userId: string;
    newEmail: string;
    /**
     * The sign-in email is a credential: the caller's sudo grant (first-party, re-authenticated
     * within 10 minutes), asked for only once the address really changes. Without it: 403.
     */
    sudo?: () => SudoGrant;
    locale: Locale;
    client?: ClientInfo;
  },
  db: DbTx = prisma,
): Promise<boolean> {
  const newEmail = options.newEmail.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { id: true, email: true, locale: true } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (user.email === newEmail) return false;
  // Before anything else about the new address (not even whether it is taken) is revealed.
  assertSudoGrant(options.sudo?.(), user.id);
  const perAccount = await consumeRateLimit({ key: `email-change:user:${user.id}`, ...EMAIL_CHANGE_REQUESTS_PER_ACCOUNT }, db);
  if (!perAccount.allowed) throw new AppError("TOO_MANY_REQUESTS", { headers: { "Retry-After": String(perAccount.retryAfterSeconds) } });
  await assertEmailAvailable(newEmail, user.id, db);
  // Each request mails an address the caller does not (yet) prove to own: bounded like sign-up mail.
  await enforceEmailRateLimit({ action: "email-change", ipAddress: options.client?.ipAddress ?? null, email: newEmail }, db);
  const { token } = await issueOneTimeToken(
    { purpose: "EMAIL_CHANGE", userId: user.id, ttlMs: EMAIL_CHANGE_TTL_MS, target: newEmail, replacePrevious: true },
    db,
  );
  const { token: cancelToken } = await issueOneTimeToken(
    { purpose: "EMAIL_CHANGE_CANCEL", userId: user.id, ttlMs: EMAIL_CHANGE_TTL_MS, target: user.email, replacePrevious: true },
    db,
  );
  await recordAuditEvent({ userId: user.id, type: "EMAIL_CHANGE_REQUESTED", client: options.client, metadata: { to: newEmail } }, db);
  const locale = isLocale(user.locale) ? user.locale : options.locale;
  const url = `${env().APP_URL}${EMAIL_CHANGE_CONFIRM_PAGE}?token=${token}`;
  const cancelUrl = `${env().APP_URL}${EMAIL_CHANGE_CANCEL_PAGE}?token=${cancelToken}`;
  await Promise.all([
    sendEmail({
      to: newEmail,
      subject: localize(locale, PROFILE_EMAILS.changeRequestSubject),
      react: createElement(EmailChangeRequestEmail, { locale, url }),
    }),
    sendEmail({
      to: user.email,
      subject: localize(locale, PROFILE_EMAILS.changeNoticeSubject),
      react: createElement(EmailChangeNoticeEmail, { locale, newEmail, cancelUrl }),
    }),
  ]);
  return true;
}
