import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { sendEmail } from "@/lib/mail/send-email";
import { ResetPasswordEmail } from "@/lib/mail/templates/reset-password";
import { afterResponse } from "@/lib/services/auth/after-response";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { enforceEmailRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";

/** A reset link lasts one hour (docs/contracts/README.md "Sessions and tokens"). */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Emails a reset link when the address has an active account; answers nothing either way,
 * so every route built on it answers the same whether or not the email exists. Only what
 * costs the same for every address (the rate limits) happens before the answer; the lookup,
 * the token, the audit event and the mail run after it (afterResponse), so the response
 * time does not tell either. A new link voids the earlier ones.
 */
export async function requestPasswordReset(options: { email: string; locale: Locale; client: ClientInfo }): Promise<void> {
  const email = options.email.trim().toLowerCase();
  await enforceEmailRateLimit({ action: "password-reset", ipAddress: options.client.ipAddress, email });
  await afterResponse(() => sendPasswordResetLink({ ...options, email }));
}

async function sendPasswordResetLink(options: { email: string; locale: Locale; client: ClientInfo }): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  if (!user || !user.active) return;
  const { token } = await issueOneTimeToken({
    purpose: "PASSWORD_RESET",
    userId: user.id,
    ttlMs: PASSWORD_RESET_TTL_MS,
    target: user.email,
    replacePrevious: true,
  });
  await recordAuditEvent({ userId: user.id, type: "PASSWORD_RESET_REQUESTED", client: options.client });
  const locale = isLocale(user.locale) ? user.locale : options.locale;
  const url = `${env().APP_URL}/reset-password?token=${token}`;
  await sendEmail({ to: user.email, subject: localize(locale, AUTH_EMAILS.resetSubject), react: ResetPasswordEmail({ locale, url }), category: "security" });
}
