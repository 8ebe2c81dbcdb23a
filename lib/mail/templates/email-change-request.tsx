import "server-only";
import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** Sent to the new address: the link that proves it before it becomes the sign-in address. */
export function EmailChangeRequestEmail({ locale, url }: { locale: Locale; url: string }) {
  const t = (text: (typeof PROFILE_EMAILS)[keyof typeof PROFILE_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout
      locale={locale}
      preview={t(PROFILE_EMAILS.changeRequestSubject)}
      heading={t(PROFILE_EMAILS.changeRequestHeading)}
      action={{ label: t(PROFILE_EMAILS.changeRequestAction), href: url }}
      footer={t(PROFILE_EMAILS.changeRequestFooter)}
    >
      <Text style={emailText}>{t(PROFILE_EMAILS.changeRequestBody)}</Text>
    </EmailLayout>
  );
}
