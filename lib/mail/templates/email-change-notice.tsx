import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** Sent to the current address when a change is asked, so a takeover attempt does not go unnoticed. */
export function EmailChangeNoticeEmail({ locale, newEmail }: { locale: Locale; newEmail: string }) {
  const t = (text: (typeof PROFILE_EMAILS)[keyof typeof PROFILE_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout locale={locale} preview={t(PROFILE_EMAILS.changeNoticeSubject)} heading={t(PROFILE_EMAILS.changeNoticeHeading)}>
      <Text style={emailText}>{t(PROFILE_EMAILS.changeNoticeBody).replace("{email}", newEmail)}</Text>
    </EmailLayout>
  );
}
