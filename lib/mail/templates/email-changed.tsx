import "server-only";
import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** Sent to the old address once the new one is confirmed. */
export function EmailChangedEmail({ locale, newEmail }: { locale: Locale; newEmail: string }) {
  const t = (text: (typeof PROFILE_EMAILS)[keyof typeof PROFILE_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout locale={locale} preview={t(PROFILE_EMAILS.changedSubject)} heading={t(PROFILE_EMAILS.changedHeading)}>
      <Text style={emailText}>{t(PROFILE_EMAILS.changedBody).replace("{email}", newEmail)}</Text>
    </EmailLayout>
  );
}
