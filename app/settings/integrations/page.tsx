import type { Metadata } from "next";
import { IntegrationsList, type IntegrationNotice, type IntegrationView } from "@/components/settings/integrations-list";
import { fill } from "@/components/settings/format";
import { SettingsPageHeader } from "@/components/settings/settings-section";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { requireUser } from "@/lib/auth/require-user";
import { localize } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/auth/locale";
import { settingsIntegrationsText } from "@/lib/i18n/ui/settings-integrations";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { disconnectIntegrationAction, startIntegrationAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsIntegrationsText[await getLocale()].metaTitle };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function IntegrationSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireUser({ callbackUrl: "/settings/integrations" });
  const locale = await getLocale();
  const text = settingsIntegrationsText[locale];
  const listing = await listIntegrations(user.id, locale);
  const params = await searchParams;

  const integrations: IntegrationView[] = listing.map((i) => ({
    id: i.id,
    name: i.name,
    description: i.description,
    scopes: i.scopes,
    configured: i.configured,
    connected: i.connected,
    connectedAt: i.connected_at,
  }));

  // The callback page's outcome. Only known ids and codes are phrased, so the query string
  // cannot put arbitrary text on the page.
  let notice: IntegrationNotice = null;
  const connected = first(params.connected);
  const error = first(params.error);
  const connectedName = listing.find((i) => i.id === connected)?.name;
  if (connectedName) {
    notice = { tone: "success", message: fill(text.connectedToast, { name: connectedName }) };
  } else if (error) {
    const known = Object.hasOwn(ERROR_CODES, error) ? ERROR_CODES[error as keyof typeof ERROR_CODES] : null;
    notice = { tone: "error", message: fill(text.errorToast, { message: known ? localize(locale, known) : text.failed }) };
  }

  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-8">
      <SettingsPageHeader title={text.title} description={text.description} />
      <IntegrationsList
        integrations={integrations}
        notice={notice}
        locale={locale}
        text={text}
        actions={{ start: startIntegrationAction, disconnect: disconnectIntegrationAction }}
      />
    </div>
  );
}
