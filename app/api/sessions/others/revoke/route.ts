import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { sessionOps } from "@/lib/openapi/operations/sessions";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/contracts/shared/mappers";
import { revokeOtherSessions } from "@/lib/services/sessions/revoke-other-sessions";
import { revokeOtherSessionsSchema } from "@/lib/validation/auth";

/** 004 `{currentSessionId?}`: every session but the caller's ends. */
export const DELETE = apiRoute(sessionOps.revokeOtherSessions, async ({ caller, request, locale }) => {
  const input = validate(revokeOtherSessionsSchema, await readJson(request), locale);
  await revokeOtherSessions({
    userId: caller.user.id,
    keepSessionId: caller.session.id,
    currentSessionId: input.currentSessionId === undefined ? undefined : String(input.currentSessionId),
    client: clientInfo(request),
  });
  return jsonResponse(messageAnswer(locale, "otherSessionsRevoked"));
});
