import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma, type Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { checkAppName, checkLogoUrl, checkRedirectUris, toOAuthAppView, type OAuthAppView } from "./oauth-app-view";

/**
 * Renames an app, replaces its redirect URIs or its logo. Only its owner may: another
 * person's app id is OAUTH_APP_NOT_FOUND, as an unknown one. A removed redirect URI is
 * refused from the next authorization request on (the server matches exactly).
 */
export async function updateOAuthApp(
  options: { ownerId: string; appId: string; name: string; redirectUris: readonly string[]; logoUrl?: string | null; client?: ClientInfo },
  db: Db = prisma,
): Promise<OAuthAppView> {
  const name = checkAppName(options.name);
  const redirectUris = checkRedirectUris(options.redirectUris);
  const logoUrl = checkLogoUrl(options.logoUrl);
  return db.$transaction(async (tx) => {
    const { count } = await tx.oAuthApp.updateMany({ where: { id: options.appId, ownerId: options.ownerId }, data: { name, redirectUris, logoUrl } });
    if (count !== 1) throw new AppError("OAUTH_APP_NOT_FOUND");
    const app = await tx.oAuthApp.findUniqueOrThrow({ where: { id: options.appId } });
    await recordAuditEvent({ userId: options.ownerId, type: "OAUTH_APP_UPDATED", client: options.client, metadata: { clientId: app.clientId } }, tx);
    return toOAuthAppView(app);
  });
}
