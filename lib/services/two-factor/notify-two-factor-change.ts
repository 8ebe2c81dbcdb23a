import "server-only";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { sendEmail } from "@/lib/mail/send-email";
import { TwoFactorChangedEmail, twoFactorChangedSubject, type TwoFactorChange } from "@/lib/mail/templates/two-factor-changed";

/** The security email of a 2FA change, in the user's language when known, else the request's. */
export async function notifyTwoFactorChange(
  user: { email: string; locale: string | null },
  change: TwoFactorChange,
  requestLocale: Locale,
  details: { backupCodesLeft?: number } = {},
): Promise<void> {
  const locale = isLocale(user.locale) ? user.locale : requestLocale;
  await sendEmail({
    to: user.email,
    subject: twoFactorChangedSubject(change, locale),
    react: TwoFactorChangedEmail({ change, locale, backupCodesLeft: details.backupCodesLeft }),
    category: "security",
  });
}
