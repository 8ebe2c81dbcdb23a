import { routeHandlers } from "@/lib/api/define-route";
import { enableTwoFactor004 } from "@/lib/contracts/rest-v1/routes/two-factor";

export const { POST } = routeHandlers(enableTwoFactor004);
