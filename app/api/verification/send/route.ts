import { routeHandlers } from "@/lib/api/define-route";
import { sendVerification003 } from "@/lib/contracts/nutriscan/routes/verification";

export const { POST } = routeHandlers(sendVerification003);
