import "server-only";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { Interaction } from "oidc-provider";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { consentPath, getProvider, OIDC_CLAIMS, OIDC_SCOPES } from "@/lib/oidc/provider";
import { GRANT_TYPE, grantScopes } from "@/lib/db/oidc-payload";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { ClientInfo } from "@/lib/core/client-info";

/**
 * The consent page's side of oidc-provider's interactions. oidc-provider binds an
 * interaction to the browser that started it with a signed cookie scoped to the page's
 * path; these helpers read it through the provider itself (as `interactionDetails` does),
 * so a consent URL opened in another browser is refused.
 */
export async function findInteraction(uid: string, cookieHeader: string | null): Promise<Interaction | null> {
  const provider = await getProvider();
  const issuer = new URL(env().APP_URL);
  const req = new IncomingMessage(new Socket());
  req.method = "GET";
  req.url = consentPath(uid);
  req.headers = { host: issuer.host, "x-forwarded-proto": issuer.protocol.replace(/:$/, ""), ...(cookieHeader ? { cookie: cookieHeader } : {}) };
  const res = new ServerResponse(req);
  try {
    const interaction = await provider.interactionDetails(req, res);
    return interaction.uid === uid && !interaction.result ? interaction : null;
  } catch {
    return null;
  }
}

/** The scopes the app asked for that the portal knows, in the request's order. */
export function requestedScopes(interaction: Interaction): string[] {
  const raw = typeof interaction.params.scope === "string" ? interaction.params.scope : "";
  const known = new Set<string>(OIDC_SCOPES);
  return [...new Set(raw.split(" ").filter((scope) => known.has(scope)))];
}

export function interactionClientId(interaction: Interaction): string {
  return String(interaction.params.client_id);
}

/** A live grant of this user to this app that already covers every requested scope, if any. */
export async function coveringGrantId(options: { userId: string; clientId: string; scopes: string[] }): Promise<string | null> {
  const grants = await prisma.oidcPayload.findMany({
    where: { type: GRANT_TYPE, accountId: options.userId, clientId: options.clientId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { grantId: true, payload: true },
    orderBy: { createdAt: "desc" },
  });
  const covering = grants.find((grant) => {
    const granted = new Set(grantScopes(grant.payload));
    return options.scopes.every((scope) => granted.has(scope));
  });
  return covering?.grantId ?? null;
}

/** Names of the claims a request's `claims` parameter asks for (OIDC Core 5.5). */
function requestedClaims(interaction: Interaction): string[] {
  const raw = interaction.params.claims;
  if (typeof raw !== "string") return [];
  try {
    const parsed = JSON.parse(raw) as { userinfo?: Record<string, unknown>; id_token?: Record<string, unknown> };
    return [...new Set([...Object.keys(parsed.userinfo ?? {}), ...Object.keys(parsed.id_token ?? {})])];
  } catch {
    return [];
  }
}

/**
 * Allow: the signed-in portal user becomes the interaction's account, and a grant with the
 * requested scopes (or an existing one covering them) is its consent. Claims requested
 * outside those scopes are refused, not granted. Answers where to send the browser.
 */
export async function approveInteraction(
  interaction: Interaction,
  options: { userId: string; grantId?: string | null; client?: ClientInfo },
): Promise<string> {
  const provider = await getProvider();
  const clientId = interactionClientId(interaction);
  let grantId = options.grantId ?? null;
  if (!grantId) {
    const scopes = requestedScopes(interaction);
    const grant = new provider.Grant({ accountId: options.userId, clientId });
    grant.addOIDCScope(scopes.join(" "));
    const allowed = new Set(["sub", "sid", "auth_time", "acr", "amr", "iss", ...scopes.flatMap((scope) => OIDC_CLAIMS[scope] ?? [])]);
    const outside = requestedClaims(interaction).filter((claim) => !allowed.has(claim));
    if (outside.length > 0) grant.rejectOIDCClaims(outside);
    grantId = await grant.save();
    await recordAuditEvent({ userId: options.userId, type: "OAUTH_APP_AUTHORIZED", client: options.client, metadata: { clientId, scopes } });
  }
  interaction.result = { login: { accountId: options.userId }, consent: { grantId } };
  await interaction.save(Math.max(interaction.exp - Math.floor(Date.now() / 1000), 1));
  return interaction.returnTo;
}

/** Deny: the app receives `error=access_denied` at its redirect URI. */
export async function denyInteraction(interaction: Interaction): Promise<string> {
  interaction.result = { error: "access_denied", error_description: "End-User denied the authorization request" };
  await interaction.save(Math.max(interaction.exp - Math.floor(Date.now() / 1000), 1));
  return interaction.returnTo;
}
