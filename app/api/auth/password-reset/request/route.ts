import { routeHandlers } from "@/lib/api/define-route";
import { requestPasswordReset003 } from "@/lib/contracts/nutriscan/routes/password-reset";

export const { POST } = routeHandlers(requestPasswordReset003);
