import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import { findIntegration, integrationConfig } from "@/lib/integrations/catalog";
import { revokeAtProvider } from "@/lib/integrations/oauth-client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Forgets the user's tokens for the integration (with its audit event, in one transaction),
 * then asks the provider to revoke the grant when it offers revocation. The provider is
 * called after the commit so no transaction waits on the network, and a provider that is
 * down never keeps tokens the user asked us to drop.
 */
export async function disconnectIntegration(
  options: { userId: string; integrationId: string; client: ClientInfo },
  db: Db = prisma,
): Promise<{ revokedAtProvider: boolean }> {
  const integration = findIntegration(options.integrationId);
  if (!integration) throw new AppError("INTEGRATION_NOT_FOUND");

  const connection = await db.$transaction(async (tx) => {
    const row = await tx.integrationConnection.findUnique({
      where: { userId_integrationId: { userId: options.userId, integrationId: integration.id } },
    });
    if (!row) return null;
    // deleteMany by id: of two concurrent disconnects, only one deletes and audits.
    const { count } = await tx.integrationConnection.deleteMany({ where: { id: row.id } });
    if (count !== 1) return null;
    await recordAuditEvent({ userId: options.userId, type: "INTEGRATION_DISCONNECTED", client: options.client, metadata: { integration: integration.id } }, tx);
    return row;
  });
  if (!connection) throw new AppError("INTEGRATION_NOT_CONNECTED");

  const config = integrationConfig(integration);
  if (!config) return { revokedAtProvider: false };
  const revokedAtProvider = await revokeAtProvider(config, {
    accessToken: decryptSecret(connection.accessTokenEncrypted),
    refreshToken: connection.refreshTokenEncrypted ? decryptSecret(connection.refreshTokenEncrypted) : null,
  });
  return { revokedAtProvider };
}
