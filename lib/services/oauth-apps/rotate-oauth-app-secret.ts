import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { newClientSecret } from "./create-oauth-app";

/**
 * Replaces a confidential app's secret: the new one is answered once, and the old one is
 * refused from this commit on (only the new ciphertext is kept). Owner only: another
 * person's app is OAUTH_APP_NOT_FOUND; a public app has no secret (OAUTH_APP_PUBLIC).
 */
export async function rotateOAuthAppSecret(
  options: { ownerId: string; appId: string; client?: ClientInfo },
  db: Db = prisma,
): Promise<{ clientSecret: string }> {
  const clientSecret = newClientSecret();
  await db.$transaction(async (tx) => {
    const app = await tx.oAuthApp.findFirst({ where: { id: options.appId, ownerId: options.ownerId }, select: { clientId: true, clientSecretEncrypted: true } });
    if (!app) throw new AppError("OAUTH_APP_NOT_FOUND");
    if (!app.clientSecretEncrypted) throw new AppError("OAUTH_APP_PUBLIC");
    await tx.oAuthApp.update({ where: { id: options.appId }, data: { clientSecretEncrypted: encryptSecret(clientSecret), secretRotatedAt: now() } });
    await recordAuditEvent({ userId: options.ownerId, type: "OAUTH_APP_SECRET_ROTATED", client: options.client, metadata: { clientId: app.clientId } }, tx);
  });
  return { clientSecret };
}
