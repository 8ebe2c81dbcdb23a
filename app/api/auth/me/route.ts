import { routeHandlers } from "@/lib/api/define-route";
import { getMe002, updateMe002 } from "@/lib/contracts/mobile/routes/me";

export const { GET, PATCH } = routeHandlers(getMe002, updateMe002);
