import { routeHandlers } from "@/lib/api/define-route";
import { reauthenticate } from "@/lib/contracts/shared/routes/tokens";

export const { POST } = routeHandlers(reauthenticate);
