import { routeHandlers } from "@/lib/api/define-route";
import { resendVerification003 } from "@/lib/contracts/nutriscan/routes/verification";

export const { POST } = routeHandlers(resendVerification003);
