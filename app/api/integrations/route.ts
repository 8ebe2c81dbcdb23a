import { routeHandlers } from "@/lib/api/define-route";
import { listIntegrations } from "@/lib/contracts/settings-app/routes/integrations";

export const { GET } = routeHandlers(listIntegrations);
