import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { sendEmail } from "@/lib/mail/send-email";
import { VerifyEmail } from "@/lib/mail/templates/verify-email";
import { enforceEmailRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";

/** A verification link lasts 24 hours (docs/contracts/README.md "Sessions and tokens"). */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Emails a fresh verification link to the user's current address; earlier unused links
 * stop working. Answers whether the mail went out (a mail outage must not fail the caller).
 * Throws EMAIL_ALREADY_VERIFIED when there is nothing to verify.
 */
export async function sendVerificationEmail(options: { userId: string; locale: Locale }): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: options.userId } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (user.emailVerified) throw new AppError("EMAIL_ALREADY_VERIFIED");
  const { token } = await issueOneTimeToken({
    purpose: "EMAIL_VERIFY",
    userId: user.id,
    ttlMs: EMAIL_VERIFICATION_TTL_MS,
    target: user.email,
    replacePrevious: true,
  });
  const locale = isLocale(user.locale) ? user.locale : options.locale;
  const url = `${env().APP_URL}/verify-email?token=${token}`;
  return sendEmail({ to: user.email, subject: localize(locale, AUTH_EMAILS.verifySubject), react: VerifyEmail({ locale, url }), category: "security" });
}

/**
 * A signed-in user asking for a new link (004 `POST /auth/send-verification`): limited per
 * address and IP like every endpoint that sends mail.
 */
export async function resendVerificationEmail(options: { userId: string; email: string; locale: Locale; client: ClientInfo }): Promise<boolean> {
  await enforceEmailRateLimit({ action: "verification", ipAddress: options.client.ipAddress, email: options.email });
  return sendVerificationEmail({ userId: options.userId, locale: options.locale });
}
