import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma, type Db } from "@/lib/db/client";
import { GRANT_BOUND_TYPES, GRANT_TYPE } from "@/lib/db/oidc-payload";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Takes back an app's access to this user's account: every grant of the user for that
 * client and every code and token issued under them are deleted in one transaction, so the
 * app's access and refresh tokens are refused on their very next use. NOT_FOUND when the
 * app holds no grant for this user.
 */
export async function revokeAuthorizedApp(
  options: { userId: string; clientId: string; client?: ClientInfo },
  db: Db = prisma,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const grants = await tx.oidcPayload.findMany({
      where: { type: GRANT_TYPE, accountId: options.userId, clientId: options.clientId },
      select: { grantId: true },
    });
    const grantIds = grants.map((grant) => grant.grantId).filter((id): id is string => id !== null);
    if (grantIds.length === 0) throw new AppError("NOT_FOUND");
    await tx.oidcPayload.deleteMany({
      where: {
        type: { in: [...GRANT_BOUND_TYPES] },
        OR: [{ grantId: { in: grantIds } }, { accountId: options.userId, clientId: options.clientId }],
      },
    });
    await recordAuditEvent(
      { userId: options.userId, type: "OAUTH_APP_REVOKED", client: options.client, metadata: { clientId: options.clientId } },
      tx,
    );
  });
}
