import type { IntegrationConnection } from "@/lib/generated/prisma/client";
import type { Integration } from "@/lib/integrations/catalog";
import type { z } from "zod";
import type { IntegrationDetails } from "@/lib/openapi/schemas/integrations";

/** Seed 000's `integration_details`: what was connected, never a token. */
export function integrationDetails(integration: Integration, connection: IntegrationConnection): z.output<typeof IntegrationDetails> {
  return {
    id: integration.id,
    name: integration.name,
    connected: true,
    connected_at: connection.connectedAt.toISOString(),
    scopes: connection.scope ? connection.scope.split(/[ ,]+/).filter(Boolean) : integration.scopes,
    account: connection.externalAccount,
    expires_at: connection.expiresAt ? connection.expiresAt.toISOString() : null,
  };
}
