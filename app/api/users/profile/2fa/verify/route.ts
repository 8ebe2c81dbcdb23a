import { routeHandlers } from "@/lib/api/define-route";
import { confirmTwoFactor000 } from "@/lib/contracts/settings-app/routes/two-factor";

export const { POST } = routeHandlers(confirmTwoFactor000);
