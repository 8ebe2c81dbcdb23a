import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma, type Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Deletes an app and, in the same transaction, everything the authorization server stored
 * for it (grants, codes, access and refresh tokens of every user), so no token it issued
 * is honoured after the commit. Owner only: another person's app is OAUTH_APP_NOT_FOUND.
 */
export async function deleteOAuthApp(options: { ownerId: string; appId: string; client?: ClientInfo }, db: Db = prisma): Promise<void> {
  await db.$transaction(async (tx) => {
    // "Grant" is oidc-provider's model name as its adapter stores it (OidcPayload.type).
    const app = await tx.oAuthApp.findFirst({ where: { id: options.appId, ownerId: options.ownerId }, select: { id: true, clientId: true } });
    if (!app) throw new AppError("OAUTH_APP_NOT_FOUND");
    const grants = await tx.oidcPayload.findMany({ where: { type: "Grant", clientId: app.clientId }, select: { grantId: true, id: true } });
    const grantIds = grants.flatMap((grant) => [grant.grantId ?? grant.id]);
    await tx.oidcPayload.deleteMany({ where: { OR: [{ clientId: app.clientId }, ...(grantIds.length ? [{ grantId: { in: grantIds } }] : [])] } });
    const { count } = await tx.oAuthApp.deleteMany({ where: { id: app.id, ownerId: options.ownerId } });
    if (count !== 1) throw new AppError("OAUTH_APP_NOT_FOUND");
    await recordAuditEvent({ userId: options.ownerId, type: "OAUTH_APP_DELETED", client: options.client, metadata: { clientId: app.clientId } }, tx);
  });
}
