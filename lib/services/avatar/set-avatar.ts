import "server-only";
import { randomBytes } from "node:crypto";
import type { ClientInfo } from "@/lib/core/client-info";
import { now } from "@/lib/core/clock";
import { prisma, type Db, type DbTx } from "@/lib/db/client";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import { describeError, logger } from "@/lib/core/logger";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { processAvatarImage } from "@/lib/services/avatar/process-avatar-image";
import { storage } from "@/lib/storage";

/** Transactions that queue on the user row: time to wait behind the others on a loaded server. */
export const ROW_LOCK_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/** Removes a file we no longer point at; a failure leaves an orphan in the log, never an error for the user. */
export async function deleteStoredFile(key: string | null | undefined): Promise<void> {
  if (!key) return;
  try {
    await storage().delete(key);
  } catch (error) {
    logger.warn("Stored file could not be deleted", { key, ...describeError(error) });
  }
}

/**
 * Points the user's picture at `next` (a stored file, an external URL or nothing) and
 * answers the key of the file it replaces. The row is locked first, so concurrent changes
 * queue and each one sees the file the previous one stored.
 */
export async function swapUserImage(
  tx: DbTx,
  userId: string,
  next: { image: string | null; imageKey: string | null },
): Promise<{ user: User; previousKey: string | null }> {
  const rows = await tx.$queryRaw<{ imageKey: string | null }[]>(
    Prisma.sql`SELECT "imageKey" FROM "User" WHERE "id" = ${userId} FOR UPDATE`,
  );
  const user = await tx.user.update({ where: { id: userId }, data: { ...next, updatedAt: now() } });
  const previousKey = rows[0]?.imageKey ?? null;
  return { user, previousKey: previousKey === next.imageKey ? null : previousKey };
}

/**
 * Stores a new avatar: the image is checked and re-encoded, written under a new unique key,
 * the row updated in a transaction, and only then the old file deleted. If the update
 * fails, the new file is deleted: no orphan either way.
 */
export async function setAvatar(options: { userId: string; bytes: Uint8Array; client?: ClientInfo }, db: Db = prisma): Promise<User> {
  const image = await processAvatarImage(options.bytes);
  const key = `avatars/${options.userId}/${randomBytes(16).toString("hex")}.webp`;
  const stored = await storage().put(key, image.bytes, image.contentType);
  let result: { user: User; previousKey: string | null };
  try {
    result = await db.$transaction(async (tx) => {
      const swapped = await swapUserImage(tx, options.userId, { image: stored.url, imageKey: stored.key });
      await recordAuditEvent({ userId: options.userId, type: "AVATAR_UPDATED", client: options.client, metadata: { key } }, tx);
      return swapped;
    }, ROW_LOCK_TRANSACTION);
  } catch (error) {
    await deleteStoredFile(stored.key);
    throw error;
  }
  await deleteStoredFile(result.previousKey);
  return result.user;
}
