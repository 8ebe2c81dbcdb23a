import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { integrationOps } from "@/lib/openapi/operations/integrations";
import { jsonResponse } from "@/lib/api/response";
import { localize } from "@/lib/i18n/locale";
import { INTEGRATION_MESSAGES } from "@/lib/i18n/messages/integrations";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";

export const DELETE = apiRoute(integrationOps.disconnectIntegration, async ({ caller, request, params, locale }) => {
  await disconnectIntegration({ userId: caller.user.id, integrationId: params.id, client: clientInfo(request) });
  return jsonResponse({ success: true, message: localize(locale, INTEGRATION_MESSAGES.disconnected) });
});
