import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Revokes one of the user's personal access tokens: refused from this commit on. Another
 * person's token id is PERSONAL_TOKEN_NOT_FOUND, as an unknown one; revoking a token
 * already revoked changes nothing.
 */
export async function revokePersonalToken(options: { userId: string; tokenId: string; client?: ClientInfo }, db: Db = prisma): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.personalAccessToken.updateMany({
      where: { id: options.tokenId, userId: options.userId, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (count === 1) {
      await recordAuditEvent({ userId: options.userId, type: "PERSONAL_TOKEN_REVOKED", client: options.client, metadata: { tokenId: options.tokenId } }, tx);
      return;
    }
    const exists = await tx.personalAccessToken.count({ where: { id: options.tokenId, userId: options.userId } });
    if (!exists) throw new AppError("PERSONAL_TOKEN_NOT_FOUND");
  });
}
