import { routeHandlers } from "@/lib/api/define-route";
import { getIntegrationAuthUrl } from "@/lib/contracts/settings-app/routes/integrations";

export const { GET } = routeHandlers(getIntegrationAuthUrl);
