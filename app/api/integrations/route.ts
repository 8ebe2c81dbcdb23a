import { apiRoute } from "@/lib/api/handler";
import { integrationOps } from "@/lib/openapi/operations/integrations";
import { jsonResponse } from "@/lib/api/response";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";

/** Seed 000: "Liste des intégrations disponibles", a JSON array. */
export const GET = apiRoute(integrationOps.listIntegrations, async ({ caller, locale }) => {
  return jsonResponse(await listIntegrations(caller.user.id, locale));
});
