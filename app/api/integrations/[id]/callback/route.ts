import { clientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { integrationOps } from "@/lib/openapi/operations/integrations";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { findIntegration } from "@/lib/integrations/catalog";
import { integrationDetails } from "@/lib/mappers/integrations";
import { completeIntegration } from "@/lib/services/integrations/complete-integration";
import { integrationCallbackSchema } from "@/lib/contracts/settings-app/requests";

export const POST = apiRoute(integrationOps.completeIntegration, async ({ caller, request, params, locale }) => {
  if (!findIntegration(params.id)) throw new AppError("INTEGRATION_NOT_FOUND");
  const input = validate(integrationCallbackSchema, await readJson(request), locale);
  const { integration, connection } = await completeIntegration({
    userId: caller.user.id,
    integrationId: params.id,
    state: input.state,
    code: input.code,
    error: input.error,
    client: clientInfo(request),
  });
  return jsonResponse({
    success: true,
    integration_details: integrationDetails(integration, connection),
  });
});
