import { routeHandlers } from "@/lib/api/define-route";
import { disconnectIntegration } from "@/lib/contracts/settings-app/routes/integrations";

export const { DELETE } = routeHandlers(disconnectIntegration);
