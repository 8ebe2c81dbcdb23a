import "server-only";
import { Text } from "@react-email/components";
import type { ClientInfo } from "@/lib/core/client-info";
import { localize, type Locale } from "@/lib/i18n/locale";
import { AUTH_EMAILS } from "@/lib/i18n/messages/auth";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

/** What the change ended, as the service counted it (lib/services/account/end-account-access.ts). */
type EndedAccess = { sessions: number; personalTokens: number; authorizedApps: number; emailChangeCancelled: boolean };

/** The lines saying what the change ended; only what actually ended is listed. */
function endedLines(locale: Locale, ended: EndedAccess): string[] {
  const t = (text: (typeof AUTH_EMAILS)[keyof typeof AUTH_EMAILS], n?: number) => localize(locale, text).replace("{n}", String(n ?? ""));
  return [
    ...(ended.sessions > 0 ? [t(AUTH_EMAILS.endedSessions, ended.sessions)] : []),
    ...(ended.personalTokens > 0 ? [t(AUTH_EMAILS.endedTokens, ended.personalTokens)] : []),
    ...(ended.authorizedApps > 0 ? [t(AUTH_EMAILS.endedApps, ended.authorizedApps)] : []),
    ...(ended.emailChangeCancelled ? [t(AUTH_EMAILS.endedEmailChange)] : []),
  ];
}

/**
 * Tells the owner their password changed, from where, and what it ended (sessions, tokens,
 * apps, a pending email change), so a takeover does not go unnoticed and the owner knows
 * which devices and scripts to sign in again.
 */
export function PasswordChangedEmail({ locale, at, client, ended }: { locale: Locale; at: Date; client: ClientInfo; ended?: EndedAccess }) {
  const t = (text: (typeof AUTH_EMAILS)[keyof typeof AUTH_EMAILS]) => localize(locale, text);
  const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at);
  const where = [client.deviceLabel, client.location, client.ipAddress].filter(Boolean).join(" · ");
  return (
    <EmailLayout locale={locale} preview={t(AUTH_EMAILS.changedSubject)} heading={t(AUTH_EMAILS.changedHeading)}>
      <Text style={emailText}>{t(AUTH_EMAILS.changedBody)}</Text>
      <Text style={emailText}>
        {when} (UTC){where ? ` — ${where}` : ""}
      </Text>
      {ended ? <EndedList locale={locale} ended={ended} /> : null}
    </EmailLayout>
  );
}

function EndedList({ locale, ended }: { locale: Locale; ended: EndedAccess }) {
  const lines = endedLines(locale, ended);
  if (lines.length === 0) return <Text style={emailText}>{localize(locale, AUTH_EMAILS.endedNothing)}</Text>;
  return (
    <>
      <Text style={emailText}>{localize(locale, AUTH_EMAILS.endedHeading)}</Text>
      {lines.map((line) => (
        <Text key={line} style={{ ...emailText, margin: "0 0 4px" }}>
          • {line}
        </Text>
      ))}
    </>
  );
}
