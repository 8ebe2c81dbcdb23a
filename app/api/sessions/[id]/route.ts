import { routeHandlers } from "@/lib/api/define-route";
import { revokeSession } from "@/lib/contracts/rest-v1/routes/sessions";

export const { DELETE } = routeHandlers(revokeSession);
