import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { NotificationPreferences } from "@/lib/contracts/settings-app/answers";
import { notificationPreferences } from "@/lib/contracts/settings-app/mappers";
import { getNotificationPreferences as getNotificationPreferencesService } from "@/lib/services/notifications/get-notification-preferences";
import { updateNotificationPreferences as updateNotificationPreferencesService } from "@/lib/services/notifications/update-notification-preferences";
import { notificationPreferencesPatchSchema } from "@/lib/validation/notifications";

const TAGS = ["Notifications (000)"];

/** `{email, push, desktop}`, each channel's switches. */
export const getNotificationPreferences = defineRoute({
  method: "get",
  path: "/api/users/profile/notifications",
  operationId: "getNotificationPreferences",
  tags: TAGS,
  summary: "Notification preferences",
  description: "Seed 000: every switch of the `email`, `push` and `desktop` channels.",
  policy: POLICY.account,
  responses: [{ status: 200, description: "The preferences.", schema: NotificationPreferences }],
  errors: [],
}, async function getNotificationPreferences({ caller }) {
  return jsonResponse(notificationPreferences(await getNotificationPreferencesService(caller.user.id)));
});

/** A full or partial update; unknown keys and non-booleans are refused with 400. */
export const updateNotificationPreferences = defineRoute({
  method: "put",
  path: "/api/users/profile/notifications",
  operationId: "updateNotificationPreferences",
  tags: TAGS,
  summary: "Update notification preferences",
  description: "Seed 000: a full or partial object; unknown channels or keys and non-booleans are refused with 400. Answers every preference.",
  policy: POLICY.account,
  body: {
    schema: notificationPreferencesPatchSchema,
    examples: { seed000: { summary: "Turn marketing emails on", value: { email: { marketingEmails: true }, desktop: { candidateUpdates: true } } } },
  },
  responses: [{ status: 200, description: "The updated preferences.", schema: NotificationPreferences }],
  errors: [],
}, async function updateNotificationPreferences({ caller, body, client }) {
  return jsonResponse(notificationPreferences(await updateNotificationPreferencesService({ userId: caller.user.id, changes: body, client })));
});
