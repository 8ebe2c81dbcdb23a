import { routeHandlers } from "@/lib/api/define-route";
import { disableTwoFactor004 } from "@/lib/contracts/rest-v1/routes/two-factor";

export const { POST } = routeHandlers(disableTwoFactor004);
