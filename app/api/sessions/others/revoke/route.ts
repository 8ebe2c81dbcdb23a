import { routeHandlers } from "@/lib/api/define-route";
import { revokeOtherSessions } from "@/lib/contracts/rest-v1/routes/sessions";

export const { DELETE } = routeHandlers(revokeOtherSessions);
