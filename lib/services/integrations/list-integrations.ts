import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import { localize, type Locale } from "@/lib/i18n/locale";
import { INTEGRATIONS, integrationConfig, type IntegrationId } from "@/lib/integrations/catalog";

export type IntegrationListing = {
  id: IntegrationId;
  name: string;
  description: string;
  scopes: string[];
  configured: boolean;
  connected: boolean;
  /** ISO 8601, null when not connected (seed 000's `connected_at`). */
  connected_at: string | null;
};

/**
 * The whole catalogue with the user's state: every integration is listed, configured or
 * not, so a client can show what exists; only configured ones can be connected.
 */
export async function listIntegrations(userId: string, locale: Locale = "fr", db: DbTx = prisma): Promise<IntegrationListing[]> {
  const connections = await db.integrationConnection.findMany({
    where: { userId },
    select: { integrationId: true, connectedAt: true },
  });
  const connectedAt = new Map(connections.map((c) => [c.integrationId, c.connectedAt]));
  return INTEGRATIONS.map((integration) => {
    const at = connectedAt.get(integration.id);
    return {
      id: integration.id,
      name: integration.name,
      description: localize(locale, integration.description),
      scopes: integration.scopes,
      configured: integrationConfig(integration) !== null,
      connected: at !== undefined,
      connected_at: at ? at.toISOString() : null,
    };
  });
}
