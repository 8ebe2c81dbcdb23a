import type { Metadata } from "next";
import { NewOAuthApp } from "@/components/settings/developer/new-oauth-app";
import { OAuthAppItem, type OAuthAppItemView } from "@/components/settings/developer/oauth-app-item";
import { PersonalTokenForm } from "@/components/settings/developer/personal-token-form";
import { PersonalTokensList, type PersonalTokenRow } from "@/components/settings/developer/personal-tokens-list";
import { fill, formatDate, formatRelative } from "@/components/settings/format";
import { SettingsPageHeader, SettingsSection } from "@/components/settings/settings-section";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/require-user";
import { now } from "@/lib/core/clock";
import { getLocale } from "@/lib/auth/locale";
import { developerText } from "@/lib/i18n/ui/developer";
import { listOAuthApps } from "@/lib/services/oauth-apps/list-oauth-apps";
import { listPersonalTokens } from "@/lib/services/personal-tokens/list-personal-tokens";
import {
  createOAuthAppAction,
  createPersonalTokenAction,
  deleteOAuthAppAction,
  revokePersonalTokenAction,
  rotateOAuthAppSecretAction,
  updateOAuthAppAction,
} from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: developerText[await getLocale()].metaTitle };
}

export default async function DeveloperSettingsPage() {
  const { user } = await requireUser({ callbackUrl: "/settings/developer" });
  const locale = await getLocale();
  const text = developerText[locale];
  const [apps, tokens] = await Promise.all([listOAuthApps({ ownerId: user.id }), listPersonalTokens({ userId: user.id })]);
  const at = now();
  // Creation needs a verified address (the services refuse it otherwise): say so instead of a form that fails.
  const verified = Boolean(user.emailVerified);
  const unverifiedNotice = (
    <Alert
      tone="warning"
      title={text.unverifiedTitle}
      action={
        <a href="/settings/profile" className={buttonClasses({ variant: "outline", size: "sm" })}>
          {text.unverifiedAction}
        </a>
      }
    >
      {text.unverified}
    </Alert>
  );

  const appViews: OAuthAppItemView[] = apps.map((app) => ({
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    redirectUris: app.redirectUris,
    logoUrl: app.logoUrl,
    confidential: app.confidential,
    createdLabel: fill(text.appCreatedOn, { date: formatDate(app.createdAt, locale) }),
    rotatedLabel: app.secretRotatedAt ? fill(text.secretRotatedOn, { date: formatDate(app.secretRotatedAt, locale) }) : null,
  }));

  const tokenRows: PersonalTokenRow[] = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    status: token.status,
    createdLabel: formatDate(token.createdAt, locale),
    lastUsedLabel: token.lastUsedAt ? formatRelative(token.lastUsedAt, locale, at) : text.tokenNeverUsed,
    expiresLabel: token.expiresAt ? formatDate(token.expiresAt, locale) : text.tokenNoExpiry,
  }));

  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-8">
      <SettingsPageHeader title={text.title} description={text.description} />

      <SettingsSection id="oauth-apps" title={text.appsTitle} description={text.appsDescription}>
        <div className="grid gap-4">
          {appViews.length ? (
            <ul className="divide-y divide-border rounded-lg border border-border" aria-label={text.appsTitle}>
              {appViews.map((app) => (
                <OAuthAppItem
                  key={app.id}
                  app={app}
                  text={text}
                  locale={locale}
                  actions={{ update: updateOAuthAppAction, rotate: rotateOAuthAppSecretAction, remove: deleteOAuthAppAction }}
                />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">{text.appsEmpty}</p>
          )}
          {verified ? <NewOAuthApp text={text} locale={locale} action={createOAuthAppAction} startOpen={appViews.length === 0} /> : unverifiedNotice}
        </div>
      </SettingsSection>

      <SettingsSection id="personal-tokens" title={text.tokensTitle} description={text.tokensDescription}>
        <div className="grid gap-6">
          {verified ? <PersonalTokenForm text={text} locale={locale} action={createPersonalTokenAction} /> : unverifiedNotice}
          <PersonalTokensList tokens={tokenRows} text={text} revoke={revokePersonalTokenAction} />
        </div>
      </SettingsSection>
    </div>
  );
}
