import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import { withDefaults, type NotificationChannel, type NotificationPreferences } from "@/lib/validation/notifications";

/** The user's preferences; a user who never changed one has seed 000's defaults. */
export async function getNotificationPreferences(userId: string, db: DbTx = prisma): Promise<NotificationPreferences> {
  const row = await db.notificationPreferences.findUnique({ where: { userId } });
  return withDefaults(row as Partial<Record<NotificationChannel, unknown>> | null);
}
