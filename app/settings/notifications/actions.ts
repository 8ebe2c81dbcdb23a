"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updateNotificationPreferences } from "@/lib/services/notifications/update-notification-preferences";
import { notificationPreferencesPatchSchema, type NotificationPreferences } from "@/lib/validation/notifications";

/**
 * Saves one switch (or any partial patch) through the same service and schema as
 * `PUT /api/users/profile/notifications`; answers the stored preferences.
 */
export const updateNotificationPreferenceAction = defineAction({
  policy: { access: "user", sensitivity: "none", callbackUrl: "/settings/notifications" },
  // Any value: the schema refuses what is not a patch, on its field.
  input: { schema: notificationPreferencesPatchSchema, from: (patch: unknown) => patch },
  revalidate: ["/settings/notifications"],
  handler: async function updateNotificationPreferenceAction({ input, user, client }): Promise<{ preferences: NotificationPreferences }> {
    const preferences = await updateNotificationPreferences({ userId: user.id, changes: input, client });
    return { preferences };
  },
});
