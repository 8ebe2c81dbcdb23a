import { apiRoute } from "@/lib/api/handler";
import { sessionOps } from "@/lib/openapi/operations/sessions";
import { jsonResponse } from "@/lib/api/response";
import { session004 } from "@/lib/mappers/sessions";
import { listSessions } from "@/lib/services/sessions/list-sessions";

/** 004: the caller's live sessions, this one marked `isCurrent`. */
export const GET = apiRoute(sessionOps.listSessions, async ({ caller }) => {
  const sessions = await listSessions({ userId: caller.user.id });
  return jsonResponse({ success: true, data: { sessions: sessions.map((s) => session004(s, caller.session.id)) } });
});
