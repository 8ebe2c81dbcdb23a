import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { env } from "@/lib/core/env";
import type { IntegrationConfig } from "@/lib/integrations/catalog";
import { describeError, logger } from "@/lib/core/logger";

/** RFC 7636: a 43-character verifier and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export type ProviderTokens = {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string | null;
  scope: string | null;
  expiresAt: Date | null;
  /** Who the user is at the provider, when the answer says (e-mail, workspace name). */
  externalAccount: string | null;
};

// Errors the provider reports as its own fault: the user can retry later, the code was fine.
const PROVIDER_SIDE_ERRORS = new Set(["server_error", "temporarily_unavailable"]);

function clientAuth(config: IntegrationConfig, form: URLSearchParams, headers: Headers): void {
  if (config.integration.tokenAuth === "basic") {
    const user = encodeURIComponent(config.clientId);
    const password = encodeURIComponent(config.clientSecret);
    headers.set("authorization", `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`);
  } else {
    form.set("client_id", config.clientId);
    form.set("client_secret", config.clientSecret);
  }
}

async function callProvider(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(env().OAUTH_TIMEOUT_MS) });
  } catch (error) {
    // Timeout, refused connection, DNS: the provider is unreachable, not the user's fault.
    logger.warn(`OAuth provider unreachable (${what})`, { url: new URL(url).origin, ...describeError(error) });
    throw new AppError("PROVIDER_ERROR", { cause: error });
  }
}

async function readProviderBody(response: Response): Promise<Record<string, unknown> | null> {
  const text = await response.text().catch(() => "");
  const type = response.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function externalAccountOf(body: Record<string, unknown>): string | null {
  const idToken = str(body.id_token);
  if (idToken) {
    try {
      // Received straight from the token endpoint over TLS, so its claims need no signature
      // check to be shown as a label (OIDC Core 3.1.3.7); nothing is authorised from them.
      const claims = decodeJwt(idToken);
      return str(claims.email) ?? str(claims.preferred_username) ?? str(claims.sub);
    } catch {
      return null;
    }
  }
  const team = body.team as { name?: unknown } | undefined;
  return str(team?.name);
}

/**
 * Exchanges an authorization code at the provider's token endpoint, server to server.
 * Provider down, slow or answering nonsense: 502 PROVIDER_ERROR; code refused
 * (`invalid_grant`, Slack's `ok: false`, GitHub's 200 with `error`): 400 OAUTH_EXCHANGE_FAILED.
 */
export async function exchangeCode(config: IntegrationConfig, options: { code: string; codeVerifier: string | null }): Promise<ProviderTokens> {
  const form = new URLSearchParams({ grant_type: "authorization_code", code: options.code, redirect_uri: config.redirectUri });
  if (options.codeVerifier) form.set("code_verifier", options.codeVerifier);
  const headers = new Headers({ accept: "application/json", "content-type": "application/x-www-form-urlencoded" });
  clientAuth(config, form, headers);
  const response = await callProvider(config.tokenUrl, { method: "POST", headers, body: form }, "token");
  if (response.status >= 500) throw new AppError("PROVIDER_ERROR");
  const body = await readProviderBody(response);
  const providerError = body ? (str(body.error) ?? (body.ok === false ? "invalid_request" : null)) : null;
  if (providerError && PROVIDER_SIDE_ERRORS.has(providerError)) throw new AppError("PROVIDER_ERROR");
  if (providerError || !response.ok) {
    throw new AppError("OAUTH_EXCHANGE_FAILED", { details: { provider_error: providerError ?? `http_${response.status}` } });
  }
  // Slack puts a user-scoped token under authed_user when the app asked for user scopes only.
  const authedUser = body?.authed_user as Record<string, unknown> | undefined;
  const accessToken = str(body?.access_token) ?? str(authedUser?.access_token);
  if (!body || !accessToken) throw new AppError("PROVIDER_ERROR");
  const expiresIn = Number(body.expires_in);
  return {
    accessToken,
    refreshToken: str(body.refresh_token) ?? str(authedUser?.refresh_token),
    tokenType: str(body.token_type),
    scope: str(body.scope) ?? str(authedUser?.scope),
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now().getTime() + expiresIn * 1000) : null,
    externalAccount: externalAccountOf(body),
  };
}

/**
 * Revokes the grant at the provider when it offers revocation. Best effort: the caller has
 * already forgotten the tokens, so a provider that is down only leaves a grant the user can
 * still remove on the provider's side. Answers whether the provider confirmed.
 */
export async function revokeAtProvider(config: IntegrationConfig, tokens: { accessToken: string; refreshToken: string | null }): Promise<boolean> {
  const { integration, revokeUrl } = config;
  if (integration.revocation === "none" || !revokeUrl) return false;
  try {
    let response: Response;
    if (integration.revocation === "github") {
      const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
      response = await callProvider(
        revokeUrl,
        {
          method: "DELETE",
          headers: { authorization: `Basic ${basic}`, accept: "application/vnd.github+json", "content-type": "application/json" },
          body: JSON.stringify({ access_token: tokens.accessToken }),
        },
        "revoke",
      );
    } else {
      // Revoking the refresh token ends the whole grant (RFC 7009 section 2.1).
      const token = tokens.refreshToken ?? tokens.accessToken;
      const form = new URLSearchParams({ token, token_type_hint: tokens.refreshToken ? "refresh_token" : "access_token" });
      const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "application/json" });
      clientAuth(config, form, headers);
      response = await callProvider(revokeUrl, { method: "POST", headers, body: form }, "revoke");
    }
    const body = await readProviderBody(response);
    return response.ok && body?.ok !== false;
  } catch (error) {
    logger.warn("OAuth revocation failed", { integration: integration.id, ...describeError(error) });
    return false;
  }
}
