import "server-only";
import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** The link that proves the address: 24 hours, one use (docs/contracts/README.md "Sessions and tokens"). */
export function VerifyEmail({ locale, url }: { locale: Locale; url: string }) {
  const t = (text: (typeof AUTH_EMAILS)[keyof typeof AUTH_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout
      locale={locale}
      preview={t(AUTH_EMAILS.verifySubject)}
      heading={t(AUTH_EMAILS.verifyHeading)}
      action={{ label: t(AUTH_EMAILS.verifyAction), href: url }}
      footer={t(AUTH_EMAILS.verifyFooter)}
    >
      <Text style={emailText}>{t(AUTH_EMAILS.verifyBody)}</Text>
    </EmailLayout>
  );
}
