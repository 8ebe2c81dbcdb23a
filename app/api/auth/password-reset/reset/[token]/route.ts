import { routeHandlers } from "@/lib/api/define-route";
import { resetPassword003 } from "@/lib/contracts/nutriscan/routes/password-reset";

export const { POST } = routeHandlers(resetPassword003);
