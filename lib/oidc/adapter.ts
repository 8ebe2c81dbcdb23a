import type { Adapter, AdapterPayload } from "oidc-provider";
import { errors } from "oidc-provider";
import { decryptSecret, sha256Hex } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { GRANT_BOUND_TYPES } from "@/lib/db/oidc-payload";

/**
 * oidc-provider's storage on the `OidcPayload` table. Ids of every model (tokens, codes,
 * session and interaction ids are bearer secrets) are stored as their sha256; the columns
 * the portal queries (account, client, grant, uid, expiry) are copied out of the payload.
 * Clients are not stored here: they are the `OAuthApp` rows (see `clientMetadata`).
 */

/** How the current token request authenticates the client, so a confidential app may use either secret method. */
export type AuthMethodHint = () => "client_secret_basic" | "client_secret_post";

export function clientMetadata(
  app: { clientId: string; clientSecretEncrypted: string | null; name: string; redirectUris: string[]; logoUrl: string | null },
  authMethod: "client_secret_basic" | "client_secret_post" = "client_secret_basic",
): AdapterPayload {
  const secret = app.clientSecretEncrypted ? decryptSecret(app.clientSecretEncrypted) : undefined;
  return {
    client_id: app.clientId,
    ...(secret ? { client_secret: secret, token_endpoint_auth_method: authMethod } : { token_endpoint_auth_method: "none" }),
    client_name: app.name,
    ...(app.logoUrl && /^https?:\/\//.test(app.logoUrl) ? { logo_uri: app.logoUrl } : {}),
    redirect_uris: app.redirectUris,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  };
}

function columns(name: string, payload: AdapterPayload) {
  return {
    grantId: name === "Grant" ? (payload.jti ?? null) : (payload.grantId ?? null),
    uid: payload.uid ?? null,
    userCode: payload.userCode ?? null,
    accountId: payload.accountId ?? null,
    clientId: payload.clientId ?? null,
  };
}

function asPayload(row: { payload: Prisma.JsonValue; consumedAt: Date | null; expiresAt: Date | null }): AdapterPayload | undefined {
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
  const payload = row.payload as AdapterPayload;
  return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
}

export class PrismaOidcAdapter implements Adapter {
  constructor(
    private readonly name: string,
    private readonly authMethod: AuthMethodHint = () => "client_secret_basic",
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = sha256Hex(id);
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const data = { payload: payload as Prisma.InputJsonValue, expiresAt, ...columns(this.name, payload) };
    await prisma.oidcPayload.upsert({
      where: { id_type: { id: key, type: this.name } },
      create: { id: key, type: this.name, ...data },
      update: data,
    });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.name === "Client") {
      const app = await prisma.oAuthApp.findUnique({ where: { clientId: id } });
      return app ? clientMetadata(app, this.authMethod()) : undefined;
    }
    const row = await prisma.oidcPayload.findUnique({ where: { id_type: { id: sha256Hex(id), type: this.name } } });
    return row ? asPayload(row) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const row = await prisma.oidcPayload.findFirst({ where: { type: this.name, userCode } });
    return row ? asPayload(row) : undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const row = await prisma.oidcPayload.findFirst({ where: { type: this.name, uid } });
    return row ? asPayload(row) : undefined;
  }

  /**
   * Marks a code or refresh token used, once. oidc-provider checks `consumed` before it
   * calls this, but two requests racing with the same token would both pass that check: the
   * one that loses the conditional update is treated as a replay, so the grant is revoked.
   */
  async consume(id: string): Promise<void> {
    const key = sha256Hex(id);
    const updated = await prisma.oidcPayload.updateMany({
      where: { id: key, type: this.name, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    if (updated.count === 1) return;
    const row = await prisma.oidcPayload.findUnique({ where: { id_type: { id: key, type: this.name } }, select: { grantId: true } });
    if (row?.grantId) await revokeGrant(row.grantId);
    throw new errors.InvalidGrant(`${this.name === "RefreshToken" ? "refresh token" : "grant"} already used`);
  }

  async destroy(id: string): Promise<void> {
    await prisma.oidcPayload.deleteMany({ where: { id: sha256Hex(id), type: this.name } });
  }

  /** Model by model, as oidc-provider asks; the Grant row itself goes through `destroy` (its revokeGrantPolicy). */
  async revokeByGrantId(grantId: string): Promise<void> {
    await prisma.oidcPayload.deleteMany({ where: { grantId, type: this.name } });
  }
}

/** Deletes a grant and every code and token issued under it. */
export async function revokeGrant(grantId: string): Promise<void> {
  await prisma.oidcPayload.deleteMany({ where: { grantId, type: { in: [...GRANT_BOUND_TYPES] } } });
}
