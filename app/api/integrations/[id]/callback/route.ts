import { routeHandlers } from "@/lib/api/define-route";
import { completeIntegration } from "@/lib/contracts/settings-app/routes/integrations";

export const { POST } = routeHandlers(completeIntegration);
