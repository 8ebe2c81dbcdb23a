import { apiRoute } from "@/lib/api/handler";
import { integrationOps } from "@/lib/openapi/operations/integrations";
import { jsonResponse } from "@/lib/api/response";
import { startIntegration } from "@/lib/services/integrations/start-integration";

export const GET = apiRoute(integrationOps.getIntegrationAuthUrl, async ({ caller, params }) => {
  const { authUrl } = await startIntegration({ userId: caller.user.id, integrationId: params.id });
  return jsonResponse({ authUrl });
});
