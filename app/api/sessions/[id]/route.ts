import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { sessionOps } from "@/lib/openapi/operations/sessions";
import { jsonResponse } from "@/lib/api/response";
import { messageAnswer } from "@/lib/contracts/shared/mappers";
import { revokeSession } from "@/lib/services/sessions/revoke-session";

/** 004: revokes one of the caller's sessions (404 for any other id). */
export const DELETE = apiRoute(sessionOps.revokeSession, async ({ caller, request, params, locale }) => {
  await revokeSession({ userId: caller.user.id, sessionId: params.id, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "sessionRevoked"));
});
