import { Text } from "@react-email/components";
import type { ClientInfo } from "@/lib/api/client-info";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** Tells the owner their password changed, and from where, so a takeover does not go unnoticed. */
export function PasswordChangedEmail({ locale, at, client }: { locale: Locale; at: Date; client: ClientInfo }) {
  const t = (text: (typeof AUTH_EMAILS)[keyof typeof AUTH_EMAILS]) => localize(locale, text);
  const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at);
  const where = [client.deviceLabel, client.location, client.ipAddress].filter(Boolean).join(" · ");
  return (
    <EmailLayout locale={locale} preview={t(AUTH_EMAILS.changedSubject)} heading={t(AUTH_EMAILS.changedHeading)}>
      <Text style={emailText}>{t(AUTH_EMAILS.changedBody)}</Text>
      <Text style={emailText}>
        {when} (UTC){where ? ` — ${where}` : ""}
      </Text>
    </EmailLayout>
  );
}
