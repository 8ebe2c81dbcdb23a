import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { messageAnswer } from "@/lib/mappers/auth";
import { revokeSession } from "@/lib/services/sessions/revoke-session";

/** 004: revokes one of the caller's sessions (404 for any other id). */
export const DELETE = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const caller = await requireCaller(request);
  await revokeSession({ userId: caller.user.id, sessionId: params.id, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "sessionRevoked"));
});
