import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { decryptSecret, encryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import type { IntegrationConnection } from "@/lib/generated/prisma/client";
import { findIntegration, integrationConfig, type Integration } from "@/lib/integrations/catalog";
import { exchangeCode } from "@/lib/integrations/oauth-client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { OAuthStatePayload } from "@/lib/services/integrations/start-integration";
import { consumeOneTimeToken, findLiveToken } from "@/lib/services/verification/one-time-token";

function statePayload(value: unknown): OAuthStatePayload | null {
  if (!value || typeof value !== "object") return null;
  const { integrationId, codeVerifier } = value as Record<string, unknown>;
  if (typeof integrationId !== "string") return null;
  return { integrationId, codeVerifier: typeof codeVerifier === "string" ? codeVerifier : null };
}

/**
 * Finishes a connection started by `startIntegration`: the state must be live, the caller's
 * and (when the route names one) for this integration; it is consumed before the provider
 * is called, so a replay, even a concurrent one, is refused. The code is exchanged server
 * to server; only once that succeeded are the tokens stored (encrypted) with their audit
 * event, in one transaction: a refused or failed exchange leaves nothing behind.
 */
export async function completeIntegration(
  options: {
    userId: string;
    /** The integration the caller says it is completing (API route); the state decides otherwise. */
    integrationId?: string;
    state: string;
    code?: string | null;
    error?: string | null;
    client: ClientInfo;
  },
  db: Db = prisma,
): Promise<{ integration: Integration; connection: IntegrationConnection }> {
  const row = await findLiveToken("OAUTH_STATE", options.state, db);
  const payload = statePayload(row?.payload);
  if (!row || !payload || row.userId !== options.userId) throw new AppError("INVALID_STATE");
  if (options.integrationId && payload.integrationId !== options.integrationId) throw new AppError("INVALID_STATE");
  if (!(await consumeOneTimeToken("OAUTH_STATE", options.state, db))) throw new AppError("INVALID_STATE");

  if (options.error) {
    if (options.error === "access_denied") throw new AppError("OAUTH_ACCESS_DENIED");
    throw new AppError("OAUTH_EXCHANGE_FAILED", { details: { provider_error: options.error.slice(0, 100) } });
  }
  if (!options.code) throw new AppError("VALIDATION_ERROR", { details: { code: "required" } });

  const integration = findIntegration(payload.integrationId);
  const config = integration ? integrationConfig(integration) : null;
  if (!integration || !config) throw new AppError("INTEGRATION_NOT_CONFIGURED");

  const tokens = await exchangeCode(config, {
    code: options.code,
    codeVerifier: payload.codeVerifier ? decryptSecret(payload.codeVerifier) : null,
  });

  const at = now();
  const data = {
    accessTokenEncrypted: encryptSecret(tokens.accessToken),
    refreshTokenEncrypted: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : null,
    tokenType: tokens.tokenType,
    scope: tokens.scope,
    expiresAt: tokens.expiresAt,
    externalAccount: tokens.externalAccount,
    connectedAt: at,
  };
  const connection = await db.$transaction(async (tx) => {
    const saved = await tx.integrationConnection.upsert({
      where: { userId_integrationId: { userId: options.userId, integrationId: integration.id } },
      create: { userId: options.userId, integrationId: integration.id, ...data },
      update: data,
    });
    await recordAuditEvent(
      { userId: options.userId, type: "INTEGRATION_CONNECTED", client: options.client, metadata: { integration: integration.id, scope: tokens.scope } },
      tx,
    );
    return saved;
  });
  return { integration, connection };
}
