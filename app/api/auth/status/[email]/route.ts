import { routeHandlers } from "@/lib/api/define-route";
import { getUserStatus003 } from "@/lib/contracts/nutriscan/routes/status";

export const { GET } = routeHandlers(getUserStatus003);
