"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PlugIcon } from "@/components/icons/plug";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsIntegrationsText } from "@/lib/i18n/ui/settings-integrations";
import type { IntegrationListing } from "@/lib/services/integrations/list-integrations";
import { ConfirmDialog } from "./confirm-dialog";
import { fill } from "./format";
import { LocalTime } from "./local-time";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/** The service's listing of one integration (`connected_at` as the page's camelCase). */
export type IntegrationView = Pick<IntegrationListing, "id" | "name" | "description" | "scopes" | "configured" | "connected"> & {
  connectedAt: IntegrationListing["connected_at"];
};

/** What the callback page reported (`?connected=<id>` or `?error=<code>`), already phrased by the server. */
export type IntegrationNotice = { tone: "success" | "error"; message: string } | null;

/**
 * The catalogue with each integration's state. Connect sends the browser to the provider's
 * consent page (the callback page brings it back with the outcome); Disconnect asks first.
 */
export function IntegrationsList({
  integrations,
  notice,
  locale,
  text,
  actions,
}: {
  integrations: IntegrationView[];
  notice: IntegrationNotice;
  locale: Locale;
  text: SettingsIntegrationsText;
  actions: {
    start: (input: { integrationId: string }) => Promise<ActionResult<{ authUrl: string }>>;
    disconnect: (input: { integrationId: string }) => Promise<ActionResult>;
  };
}) {
  const router = useRouter();
  const sudo = useSudo();
  const [connecting, setConnecting] = useState<string | null>(null);
  const shown = useRef(false);

  // The outcome of a round trip to the provider, said once; the query string is then dropped
  // so a reload does not say it again.
  useEffect(() => {
    if (!notice || shown.current) return;
    shown.current = true;
    if (notice.tone === "success") toast.success(notice.message);
    else toast.error(notice.message);
    router.replace("/settings/integrations", { scroll: false });
  }, [notice, router]);

  async function connect(integration: IntegrationView) {
    setConnecting(integration.id);
    const result = await sudo(() => actions.start({ integrationId: integration.id }), "integration");
    if (result.ok) {
      window.location.assign(result.authUrl);
      return;
    }
    setConnecting(null);
    toast.error(result.message);
  }

  if (integrations.length === 0) return <p className="text-sm text-muted-foreground">{text.empty}</p>;

  return (
    <ul className="grid gap-4" aria-label={text.title}>
      {integrations.map((integration) => (
        <li key={integration.id} data-testid={`integration-${integration.id}`} className="rounded-xl border border-border bg-card p-5 shadow-sm">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex items-start gap-3">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-muted" aria-hidden="true">
                <PlugIcon className="size-5 text-muted-foreground" />
              </span>
              <div className="grid gap-1">
                <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  {integration.name}
                  {integration.connected ? (
                    <Badge tone="success">{text.connected}</Badge>
                  ) : integration.configured ? (
                    <Badge tone="neutral">{text.notConnected}</Badge>
                  ) : (
                    <Badge tone="warning">{text.notConfigured}</Badge>
                  )}
                </h2>
                <p className="text-sm text-muted-foreground">{integration.description}</p>
                {integration.connected && integration.connectedAt ? (
                  <p className="text-xs text-muted-foreground">
                    {text.connectedSince} <LocalTime value={integration.connectedAt} locale={locale} />
                  </p>
                ) : null}
                {!integration.configured ? <p className="text-xs text-muted-foreground">{text.notConfiguredHint}</p> : null}
                <details className="text-xs text-muted-foreground">
                  <summary className="w-fit cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-ring">{text.scopes}</summary>
                  <ul className="mt-1 list-disc pl-5 font-mono break-all">
                    {integration.scopes.map((scope) => (
                      <li key={scope}>{scope}</li>
                    ))}
                  </ul>
                </details>
              </div>
            </div>
            <div className="shrink-0">
              {integration.connected ? (
                <ConfirmDialog
                  trigger={text.disconnect}
                  triggerLabel={fill(text.disconnectLabel, { name: integration.name })}
                  title={fill(text.disconnectTitle, { name: integration.name })}
                  body={fill(text.disconnectBody, { name: integration.name })}
                  confirmLabel={text.disconnectConfirm}
                  pendingLabel={text.disconnecting}
                  cancelLabel={text.cancel}
                  onConfirm={async () => {
                    const result = await sudo(() => actions.disconnect({ integrationId: integration.id }), "integration");
                    if (!result.ok) return { ok: false, message: result.message };
                    toast.success(fill(text.disconnectedToast, { name: integration.name }));
                    router.refresh();
                    return { ok: true };
                  }}
                />
              ) : (
                <Button
                  onClick={() => connect(integration)}
                  disabled={!integration.configured || (connecting !== null && connecting !== integration.id)}
                  pending={connecting === integration.id}
                  aria-label={fill(text.connectLabel, { name: integration.name })}
                >
                  {connecting === integration.id ? text.connecting : text.connect}
                </Button>
              )}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
