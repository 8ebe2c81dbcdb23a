import { routeHandlers } from "@/lib/api/define-route";
import { getLoginHistory004 } from "@/lib/contracts/rest-v1/routes/history";

export const { GET } = routeHandlers(getLoginHistory004);
