import { routeHandlers } from "@/lib/api/define-route";
import { listSessions } from "@/lib/contracts/rest-v1/routes/sessions";

export const { GET } = routeHandlers(listSessions);
