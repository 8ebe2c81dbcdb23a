import { routeHandlers } from "@/lib/api/define-route";
import { getLoginHistory000 } from "@/lib/contracts/settings-app/routes/profile";

export const { GET } = routeHandlers(getLoginHistory000);
