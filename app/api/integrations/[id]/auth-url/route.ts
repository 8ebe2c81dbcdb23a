import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { startIntegration } from "@/lib/services/integrations/start-integration";

export const GET = apiRoute<{ id: string }>(async ({ request, params }) => {
  const caller = await requireCaller(request);
  const { authUrl } = await startIntegration({ userId: caller.user.id, integrationId: params.id });
  return jsonResponse({ authUrl });
});
