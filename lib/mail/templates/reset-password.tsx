import "server-only";
import { Text } from "@react-email/components";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** The password reset link: 1 hour, one use (docs/contracts/README.md "Sessions and tokens"). */
export function ResetPasswordEmail({ locale, url }: { locale: Locale; url: string }) {
  const t = (text: (typeof AUTH_EMAILS)[keyof typeof AUTH_EMAILS]) => localize(locale, text);
  return (
    <EmailLayout
      locale={locale}
      preview={t(AUTH_EMAILS.resetSubject)}
      heading={t(AUTH_EMAILS.resetHeading)}
      action={{ label: t(AUTH_EMAILS.resetAction), href: url }}
      footer={t(AUTH_EMAILS.resetFooter)}
    >
      <Text style={emailText}>{t(AUTH_EMAILS.resetBody)}</Text>
    </EmailLayout>
  );
}
