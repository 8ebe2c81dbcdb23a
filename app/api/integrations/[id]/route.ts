import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { localize } from "@/lib/i18n/locale";
import { INTEGRATION_MESSAGES } from "@/lib/i18n/messages/integrations";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";

export const DELETE = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const caller = await requireCaller(request);
  await disconnectIntegration({ userId: caller.user.id, integrationId: params.id, client: clientInfo(request) });
  return jsonResponse({ success: true, message: localize(locale, INTEGRATION_MESSAGES.disconnected) });
});
