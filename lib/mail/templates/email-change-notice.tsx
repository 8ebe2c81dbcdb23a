import "server-only";
import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/**
 * Sent to the current address when a change is asked, so a takeover attempt does not go
 * unnoticed: its button cancels the change and signs every device out, for an owner who
 * did not ask for it (the next step offered is a password reset).
 */
export function EmailChangeNoticeEmail({ locale, newEmail, cancelUrl }: { locale: Locale; newEmail: string; cancelUrl: string }) {
  const t = (text: (typeof PROFILE_EMAILS)[keyof typeof PROFILE_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout
      locale={locale}
      preview={t(PROFILE_EMAILS.changeNoticeSubject)}
      heading={t(PROFILE_EMAILS.changeNoticeHeading)}
      action={{ label: t(PROFILE_EMAILS.changeNoticeAction), href: cancelUrl }}
      footer={t(PROFILE_EMAILS.changeNoticeFooter)}
    >
      <Text style={emailText}>{t(PROFILE_EMAILS.changeNoticeBody).replace("{email}", newEmail)}</Text>
      <Text style={emailText}>{t(PROFILE_EMAILS.changeNoticeNotYou)}</Text>
    </EmailLayout>
  );
}
