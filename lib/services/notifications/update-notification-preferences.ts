import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
  type NotificationPreferencesPatch,
} from "@/lib/validation/notifications";

/**
 * Applies a full or partial update (already validated). Each channel is merged in SQL
 * (`jsonb || patch`), so two concurrent updates of different switches both survive.
 */
export async function updateNotificationPreferences(
  options: { userId: string; changes: NotificationPreferencesPatch; client?: ClientInfo },
  db: Db = prisma,
): Promise<NotificationPreferences> {
  const { userId, changes } = options;
  const at = now();
  const patch = (channel: keyof NotificationPreferencesPatch) => JSON.stringify(changes[channel] ?? {});
  return db.$transaction(async (tx) => {
    await tx.notificationPreferences.createMany({
      data: [
        {
          userId,
          email: DEFAULT_NOTIFICATION_PREFERENCES.email,
          push: DEFAULT_NOTIFICATION_PREFERENCES.push,
          desktop: DEFAULT_NOTIFICATION_PREFERENCES.desktop,
          updatedAt: at,
        },
      ],
      skipDuplicates: true,
    });
    await tx.$executeRaw(Prisma.sql`
      UPDATE "NotificationPreferences"
      SET "email" = "email" || ${patch("email")}::jsonb,
          "push" = "push" || ${patch("push")}::jsonb,
          "desktop" = "desktop" || ${patch("desktop")}::jsonb,
          "updatedAt" = ${at}
      WHERE "userId" = ${userId}`);
    await recordAuditEvent({ userId, type: "NOTIFICATIONS_UPDATED", client: options.client, metadata: changes }, tx);
    return getNotificationPreferences(userId, tx);
  });
}
