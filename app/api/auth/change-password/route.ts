import { routeHandlers } from "@/lib/api/define-route";
import { changePassword } from "@/lib/contracts/shared/routes/password";

export const { POST } = routeHandlers(changePassword);
