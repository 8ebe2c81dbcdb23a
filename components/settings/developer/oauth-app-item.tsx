"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { CopyButton } from "@/components/settings/copy-button";
import { fill } from "@/components/settings/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import type { OAuthAppView } from "@/lib/services/oauth-apps/oauth-app-view";
import { AppLogo } from "./app-logo";
import { OAuthAppForm, type UpdateOAuthApp } from "./oauth-app-form";
import { SecretReveal } from "./secret-reveal";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/** The service's view of the app, its dates phrased by the server ("Inscrite le 3 mars 2026"). */
export type OAuthAppItemView = Pick<OAuthAppView, "id" | "clientId" | "name" | "redirectUris" | "logoUrl" | "confidential"> & {
  createdLabel: string;
  rotatedLabel: string | null;
};

/**
 * One registered app: logo, name, type, client id (with copy), redirect URIs; edit in
 * place, renew the secret (confirmed, then the new secret shown once), delete (confirmed).
 */
export function OAuthAppItem({
  app,
  text,
  locale,
  actions,
}: {
  app: OAuthAppItemView;
  text: DeveloperText;
  locale: Locale;
  actions: { update: UpdateOAuthApp; rotate: (input: { appId: string }) => Promise<ActionResult<{ clientSecret: string }>>; remove: (input: { appId: string }) => Promise<ActionResult> };
}) {
  const router = useRouter();
  const sudo = useSudo();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const names = { name: app.name };

  return (
    <li className="grid gap-4 p-4" data-testid="oauth-app" data-client-id={app.clientId}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <AppLogo src={app.logoUrl} alt={fill(text.logoAlt, names)} />
        <div className="grid min-w-0 flex-1 gap-1">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            <span className="truncate">{app.name}</span>
            <Badge tone="neutral">{app.confidential ? text.appKindConfidential : text.appKindPublic}</Badge>
          </h3>
          <p className="text-xs text-muted-foreground">{[app.createdLabel, app.rotatedLabel].filter(Boolean).join(" · ")}</p>
          <dl className="mt-2 grid gap-2 text-sm">
            <div className="grid gap-1">
              <dt className="text-muted-foreground">{text.clientId}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <code className="rounded bg-muted px-2 py-1 font-mono text-xs break-all">{app.clientId}</code>
                <CopyButton text={app.clientId} label={text.copy} copiedMessage={text.copied} failedMessage={text.copyFailed} />
              </dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">{text.redirectUris}</dt>
              <dd>
                <ul className="grid gap-0.5">
                  {app.redirectUris.map((uri) => (
                    <li key={uri} className="font-mono text-xs break-all">
                      {uri}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </div>
      </div>

      {secret ? (
        <SecretReveal title={text.secretTitle} value={secret} warning={text.secretWarning} doneLabel={text.secretDone} labels={text} testId="client-secret" onDone={() => setSecret(null)} />
      ) : null}

      {editing ? (
        <OAuthAppForm text={text} locale={locale} mode={{ kind: "edit", action: actions.update, app }} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" aria-label={fill(text.editLabel, names)} onClick={() => setEditing(true)}>
            {text.edit}
          </Button>
          {app.confidential ? (
            <ConfirmDialog
              trigger={text.rotate}
              triggerSize="sm"
              triggerLabel={fill(text.rotateLabel, names)}
              title={fill(text.rotateTitle, names)}
              body={text.rotateBody}
              confirmLabel={text.rotateConfirm}
              pendingLabel={text.rotating}
              cancelLabel={text.cancel}
              onConfirm={async () => {
                const result = await sudo(() => actions.rotate({ appId: app.id }), "oauthApp");
                if (!result.ok) return { ok: false, message: result.message };
                setSecret(result.clientSecret);
                toast.success(text.rotated);
                router.refresh();
                return { ok: true };
              }}
            />
          ) : null}
          <ConfirmDialog
            trigger={text.delete}
            triggerSize="sm"
            triggerLabel={fill(text.deleteLabel, names)}
            title={fill(text.deleteTitle, names)}
            body={text.deleteBody}
            confirmLabel={text.deleteConfirm}
            pendingLabel={text.deleting}
            cancelLabel={text.cancel}
            onConfirm={async () => {
              const result = await sudo(() => actions.remove({ appId: app.id }), "oauthApp");
              if (!result.ok) return { ok: false, message: result.message };
              toast.success(text.deleted);
              router.refresh();
              return { ok: true };
            }}
          />
        </div>
      )}
    </li>
  );
}
