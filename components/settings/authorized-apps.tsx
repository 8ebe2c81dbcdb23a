import { AppLogo } from "@/components/settings/developer/app-logo";
import { fill } from "@/components/settings/format";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import type { AuthorizedApp } from "@/lib/services/oauth-provider/list-authorized-apps";
import { AuthorizedAppRevoke } from "./authorized-apps-revoke";

/** The service's entry, its scopes already in plain words and its dates phrased by the server. */
export type AuthorizedAppView = Pick<AuthorizedApp, "clientId" | "name" | "logoUrl" | "scopes"> & { sinceLabel: string; lastUsedLabel: string };

/**
 * The third-party apps holding access to the account (a server component: only the revoke
 * buttons are client code): logo, name, what they may do in plain words, since when, last use.
 */
export function AuthorizedApps({ apps, text, revoke }: { apps: AuthorizedAppView[]; text: DeveloperText; revoke: (input: { clientId: string }) => Promise<ActionResult> }) {
  if (apps.length === 0) return <p className="text-sm text-muted-foreground">{text.authorizedEmpty}</p>;
  return (
    <ul className="divide-y divide-border rounded-lg border border-border" aria-label={text.authorizedTitle}>
      {apps.map((app) => (
        <li key={app.clientId} data-testid="authorized-app" data-client-id={app.clientId} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
          <AppLogo src={app.logoUrl} alt={fill(text.logoAlt, { name: app.name })} />
          <div className="grid min-w-0 flex-1 gap-1">
            <h3 className="truncate text-sm font-semibold">{app.name}</h3>
            <p className="text-xs text-muted-foreground">
              {app.sinceLabel} · {app.lastUsedLabel}
            </p>
            <p id={`scopes-${app.clientId}`} className="mt-1 text-sm text-muted-foreground">
              {text.authorizedScopes}
            </p>
            <ul className="flex flex-wrap gap-1.5" aria-labelledby={`scopes-${app.clientId}`}>
              {app.scopes.map((scope) => (
                <li key={scope}>
                  <Badge tone="neutral">{scope}</Badge>
                </li>
              ))}
            </ul>
          </div>
          <AuthorizedAppRevoke clientId={app.clientId} name={app.name} text={text} action={revoke} />
        </li>
      ))}
    </ul>
  );
}
