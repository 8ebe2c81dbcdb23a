import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";

/** Seed 000: "Liste des intégrations disponibles", a JSON array. */
export const GET = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request);
  return jsonResponse(await listIntegrations(caller.user.id, locale));
});
