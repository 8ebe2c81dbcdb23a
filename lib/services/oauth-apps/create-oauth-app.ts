import "server-only";
import { randomBytes } from "node:crypto";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertEmailVerified } from "@/lib/services/account/assert-email-verified";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { checkAppName, checkLogoUrl, checkRedirectUris, toOAuthAppView, type OAuthAppView } from "./oauth-app-view";

/** Apps one person may register. */
export const MAX_OAUTH_APPS_PER_USER = 25;

/** A client id: 24 random bytes, unguessable, URL-safe. */
export function newClientId(): string {
  return `app_${randomBytes(24).toString("base64url")}`;
}

/** A client secret: 32 random bytes. Shown once; stored encrypted because the token endpoint compares it. */
export function newClientSecret(): string {
  return `cs_${randomBytes(32).toString("base64url")}`;
}

/**
 * Registers an OAuth app owned by the caller. A confidential app gets a secret, answered
 * here once and stored only AES-256-GCM encrypted; a public app (single-page or native)
 * has none and relies on PKCE. Redirect URIs are checked for exact matching (https, or
 * http on loopback for native apps; no fragment, no wildcard; 10 at most). Only once the
 * owner's email is verified (403 EMAIL_NOT_VERIFIED).
 */
export async function createOAuthApp(
  options: { ownerId: string; name: string; redirectUris: readonly string[]; logoUrl?: string | null; confidential: boolean; client?: ClientInfo },
  db: Db = prisma,
): Promise<{ app: OAuthAppView; clientSecret?: string }> {
  const name = checkAppName(options.name);
  const redirectUris = checkRedirectUris(options.redirectUris);
  const logoUrl = checkLogoUrl(options.logoUrl);
  const clientSecret = options.confidential ? newClientSecret() : undefined;

  const app = await db.$transaction(async (tx) => {
    // The owner's row is locked so two concurrent registrations cannot both pass the limit.
    await tx.$queryRaw(Prisma.sql`SELECT 1 FROM "User" WHERE "id" = ${options.ownerId} FOR UPDATE`);
    await assertEmailVerified(options.ownerId, tx);
    const count = await tx.oAuthApp.count({ where: { ownerId: options.ownerId } });
    if (count >= MAX_OAUTH_APPS_PER_USER) throw new AppError("OAUTH_APP_LIMIT");
    const created = await tx.oAuthApp.create({
      data: {
        ownerId: options.ownerId,
        clientId: newClientId(),
        clientSecretEncrypted: clientSecret ? encryptSecret(clientSecret) : null,
        name,
        redirectUris,
        logoUrl,
      },
    });
    await recordAuditEvent(
      { userId: options.ownerId, type: "OAUTH_APP_CREATED", client: options.client, metadata: { clientId: created.clientId, confidential: options.confidential } },
      tx,
    );
    return created;
  });
  return clientSecret ? { app: toOAuthAppView(app), clientSecret } : { app: toOAuthAppView(app) };
}
