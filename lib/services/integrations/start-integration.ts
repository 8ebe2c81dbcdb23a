import "server-only";
import { AppError } from "@/lib/core/errors";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import { findIntegration, integrationConfig } from "@/lib/integrations/catalog";
import { createPkcePair } from "@/lib/integrations/oauth-client";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export type OAuthStatePayload = { integrationId: string; codeVerifier: string | null };

/**
 * The provider's authorize URL for the caller. The `state` is an opaque 256-bit token whose
 * hash is stored server-side (Verification, purpose OAUTH_STATE) with the user id, the
 * integration and the PKCE verifier (encrypted): unguessable, bound to this user, valid 10
 * minutes and consumed once, which is what a signed state gives, plus single use and
 * server-side revocation. The verifier never leaves the server.
 */
export async function startIntegration(options: { userId: string; integrationId: string }, db: DbTx = prisma): Promise<{ authUrl: string }> {
  const integration = findIntegration(options.integrationId);
  if (!integration) throw new AppError("INTEGRATION_NOT_FOUND");
  const config = integrationConfig(integration);
  if (!config) throw new AppError("INTEGRATION_NOT_CONFIGURED");

  const pkce = integration.pkce ? createPkcePair() : null;
  const payload: OAuthStatePayload = { integrationId: integration.id, codeVerifier: pkce ? encryptSecret(pkce.verifier) : null };
  const { token: state } = await issueOneTimeToken({ purpose: "OAUTH_STATE", userId: options.userId, ttlMs: OAUTH_STATE_TTL_MS, payload }, db);

  const url = new URL(config.authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("scope", integration.scopes.join(integration.scopeSeparator));
  url.searchParams.set("state", state);
  if (pkce) {
    url.searchParams.set("code_challenge", pkce.challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  for (const [key, value] of Object.entries(integration.authorizeParams ?? {})) url.searchParams.set(key, value);
  return { authUrl: url.toString() };
}
