import { routeHandlers } from "@/lib/api/define-route";
import { changePassword000 } from "@/lib/contracts/settings-app/routes/profile";

export const { PUT } = routeHandlers(changePassword000);
