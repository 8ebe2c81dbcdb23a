import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { AuthorizedApps, type AuthorizedAppView } from "@/components/settings/authorized-apps";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccount } from "@/components/settings/delete-account";
import { fill, formatDate, formatRelative } from "@/components/settings/format";
import { LoginHistory, type LoginEventView } from "@/components/settings/login-history";
import { SessionsList, type SessionView } from "@/components/settings/sessions-list";
import { SettingsPageHeader, SettingsSection } from "@/components/settings/settings-section";
import { TwoFactorPanel } from "@/components/settings/two-factor-panel";
import { requireUser } from "@/lib/auth/require-user";
import { now } from "@/lib/core/clock";
import { env } from "@/lib/core/env";
import { getLocale } from "@/lib/auth/locale";
import { developerText } from "@/lib/i18n/ui/developer";
import { settingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { listLoginHistory } from "@/lib/services/login-events/list-login-history";
import { listAuthorizedApps } from "@/lib/services/oauth-provider/list-authorized-apps";
import { listSessions } from "@/lib/services/sessions/list-sessions";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  deleteAccountAction,
  disableTwoFactorAction,
  regenerateBackupCodesAction,
  revokeAuthorizedAppAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
  startTwoFactorAction,
} from "./actions";

export const dynamic = "force-dynamic";

const HISTORY_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsSecurityText[await getLocale()].metaTitle };
}

export default async function SecuritySettingsPage() {
  const { user, session } = await requireUser({ callbackUrl: "/settings/security" });
  const locale = await getLocale();
  const text = settingsSecurityText[locale];
  const [twoFactor, sessions, history, authorized] = await Promise.all([
    getTwoFactorStatus(user.id),
    listSessions({ userId: user.id }),
    listLoginHistory({ userId: user.id, limit: HISTORY_SIZE, offset: 0 }),
    listAuthorizedApps({ userId: user.id }),
  ]);
  const at = now();
  const appsText = developerText[locale];
  const authorizedApps: AuthorizedAppView[] = authorized.map((app) => ({
    clientId: app.clientId,
    name: app.name,
    logoUrl: app.logoUrl,
    scopes: app.scopes.map((scope) => appsText.scopeNames[scope] ?? scope),
    sinceLabel: fill(appsText.authorizedSince, { date: formatDate(app.grantedAt, locale) }),
    lastUsedLabel: app.lastUsedAt ? fill(appsText.authorizedLastUsed, { date: formatRelative(app.lastUsedAt, locale, at) }) : appsText.authorizedNeverUsed,
  }));

  const sessionViews: SessionView[] = sessions
    .map((s) => ({
      id: s.id,
      device: s.deviceLabel,
      location: s.location,
      ipAddress: s.ipAddress,
      kind: s.kind,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      lastSeenLabel: formatRelative(s.lastSeenAt, locale, at),
      current: s.id === session.id,
    }))
    // This device first, then the most recently used.
    .sort((a, b) => Number(b.current) - Number(a.current));

  const events: LoginEventView[] = history.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    device: e.deviceLabel,
    location: e.location,
    method: e.method,
    success: e.success,
  }));

  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-8">
      <SettingsPageHeader title={text.title} description={text.description} />

      <SettingsSection
        id="password"
        title={text.passwordTitle}
        description={user.lastPasswordChange ? fill(text.passwordLastChanged, { date: formatDate(user.lastPasswordChange, locale) }) : text.passwordNeverChanged}
      >
        {user.passwordHash ? (
          <ChangePasswordForm
            text={text}
            locale={locale}
            userInputs={[user.email, user.firstName, user.lastName].filter((v): v is string => Boolean(v))}
            action={changePasswordAction}
          />
        ) : (
          <p className="text-sm text-muted-foreground">{text.passwordNone}</p>
        )}
      </SettingsSection>

      <SettingsSection
        id="two-factor"
        title={text.twoFactorTitle}
        description={text.twoFactorDescription}
        action={<Badge tone={twoFactor.enabled ? "success" : "neutral"}>{twoFactor.enabled ? text.twoFactorOn : text.twoFactorOff}</Badge>}
      >
        <TwoFactorPanel
          enabled={twoFactor.enabled}
          enabledAtLabel={twoFactor.enabledAt ? fill(text.twoFactorEnabledSince, { date: formatDate(twoFactor.enabledAt, locale) }) : null}
          backupCodesRemaining={twoFactor.backupCodesRemaining}
          appName={env().APP_NAME}
          text={text}
          actions={{
            start: startTwoFactorAction,
            confirm: confirmTwoFactorAction,
            disable: disableTwoFactorAction,
            regenerate: regenerateBackupCodesAction,
          }}
        />
      </SettingsSection>

      <SettingsSection id="sessions" title={text.sessionsTitle} description={text.sessionsDescription}>
        <SessionsList sessions={sessionViews} locale={locale} text={text} actions={{ revoke: revokeSessionAction, revokeOthers: revokeOtherSessionsAction }} />
      </SettingsSection>

      <SettingsSection id="authorized-apps" title={appsText.authorizedTitle} description={appsText.authorizedDescription}>
        <AuthorizedApps apps={authorizedApps} text={appsText} revoke={revokeAuthorizedAppAction} />
      </SettingsSection>

      <SettingsSection id="login-history" title={text.historyTitle} description={text.historyDescription}>
        <LoginHistory events={events} locale={locale} text={text} />
      </SettingsSection>

      <SettingsSection id="delete-account" tone="danger" title={text.deleteTitle} description={text.deleteDescription}>
        <DeleteAccount text={text} action={deleteAccountAction} />
      </SettingsSection>
    </div>
  );
}
