import { routeHandlers } from "@/lib/api/define-route";
import { disableTwoFactor000 } from "@/lib/contracts/settings-app/routes/two-factor";

export const { DELETE } = routeHandlers(disableTwoFactor000);
