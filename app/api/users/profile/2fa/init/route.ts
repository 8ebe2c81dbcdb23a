import { routeHandlers } from "@/lib/api/define-route";
import { initTwoFactor000 } from "@/lib/contracts/settings-app/routes/two-factor";

export const { POST } = routeHandlers(initTwoFactor000);
