import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { deleteStoredFile, ROW_LOCK_TRANSACTION, swapUserImage } from "@/lib/services/avatar/set-avatar";

/** Clears the picture (hosted or external); a hosted file is deleted once the row no longer names it. */
export async function removeAvatar(options: { userId: string; client?: ClientInfo }, db: Db = prisma): Promise<User> {
  const { user, previousKey } = await db.$transaction(async (tx) => {
    const swapped = await swapUserImage(tx, options.userId, { image: null, imageKey: null });
    await recordAuditEvent({ userId: options.userId, type: "AVATAR_DELETED", client: options.client }, tx);
    return swapped;
  }, ROW_LOCK_TRANSACTION);
  await deleteStoredFile(previousKey);
  return user;
}
