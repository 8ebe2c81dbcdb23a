import { routeHandlers } from "@/lib/api/define-route";
import { refreshAccessToken } from "@/lib/contracts/shared/routes/tokens";

export const { POST } = routeHandlers(refreshAccessToken);
