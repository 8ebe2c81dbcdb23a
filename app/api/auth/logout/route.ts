import { routeHandlers } from "@/lib/api/define-route";
import { logout } from "@/lib/contracts/shared/routes/tokens";

export const { POST } = routeHandlers(logout);
