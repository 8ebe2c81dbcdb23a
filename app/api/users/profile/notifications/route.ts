import { routeHandlers } from "@/lib/api/define-route";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/contracts/settings-app/routes/notifications";

export const { GET, PUT } = routeHandlers(getNotificationPreferences, updateNotificationPreferences);
