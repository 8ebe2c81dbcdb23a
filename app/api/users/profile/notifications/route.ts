import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";
import { updateNotificationPreferences } from "@/lib/services/notifications/update-notification-preferences";
import { notificationPreferencesPatchSchema } from "@/lib/validation/notifications";

/** Seed 000: `{email, push, desktop}`, each channel's switches. */
export const GET = apiRoute(profileOps.getNotificationPreferences, async ({ caller }) => {
  return jsonResponse(await getNotificationPreferences(caller.user.id));
});

/** A full or partial update; unknown keys and non-booleans are refused with 400. */
export const PUT = apiRoute(profileOps.updateNotificationPreferences, async ({ caller, request, locale }) => {
  const changes = validate(notificationPreferencesPatchSchema, await readJson(request), locale);
  return jsonResponse(await updateNotificationPreferences({ userId: caller.user.id, changes, client: clientInfo(request) }));
});
