"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { userAction } from "@/lib/actions/define-action";
import { validate } from "@/lib/api/validation";
import { updateNotificationPreferences } from "@/lib/services/notifications/update-notification-preferences";
import { notificationPreferencesPatchSchema, type NotificationPreferences } from "@/lib/validation/notifications";

/**
 * Saves one switch (or any partial patch) through the same service and schema as
 * `PUT /api/users/profile/notifications`; answers the stored preferences.
 */
export const updateNotificationPreferenceAction = userAction(
  { access: "user", sensitivity: "none", callbackUrl: "/settings/notifications" },
  async ({ user, locale }, patch: unknown): Promise<{ preferences: NotificationPreferences }> => {
    const changes = validate(notificationPreferencesPatchSchema, patch, locale);
    const preferences = await updateNotificationPreferences({ userId: user.id, changes, client: await actionClientInfo() });
    revalidatePath("/settings/notifications");
    return { preferences };
  },
);
