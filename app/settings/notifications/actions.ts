"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/api/validation";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/i18n/server";
import { updateNotificationPreferences } from "@/lib/services/notifications/update-notification-preferences";
import { notificationPreferencesPatchSchema, type NotificationPreferences } from "@/lib/validation/notifications";

/**
 * Saves one switch (or any partial patch) through the same service and schema as
 * `PUT /api/users/profile/notifications`; answers the stored preferences.
 */
export async function updateNotificationPreferenceAction(patch: unknown): Promise<ActionResult<{ preferences: NotificationPreferences }>> {
  const { user } = await requireUser({ callbackUrl: "/settings/notifications" });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const changes = validate(notificationPreferencesPatchSchema, patch, locale);
    const preferences = await updateNotificationPreferences({ userId: user.id, changes, client: await actionClientInfo() });
    revalidatePath("/settings/notifications");
    return { preferences };
  });
}
