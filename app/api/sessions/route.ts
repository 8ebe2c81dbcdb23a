import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { session004 } from "@/lib/mappers/sessions";
import { listSessions } from "@/lib/services/sessions/list-sessions";

/** 004: the caller's live sessions, this one marked `isCurrent`. */
export const GET = apiRoute(async ({ request }) => {
  const caller = await requireCaller(request);
  const sessions = await listSessions({ userId: caller.user.id });
  return jsonResponse({ success: true, data: { sessions: sessions.map((s) => session004(s, caller.session.id)) } });
});
