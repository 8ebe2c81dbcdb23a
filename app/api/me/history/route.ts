import { apiRoute } from "@/lib/api/handler";
import { sessionOps } from "@/lib/openapi/operations/sessions";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { loginEvent004 } from "@/lib/mappers/sessions";
import { listLoginHistory } from "@/lib/services/login-events/list-login-history";
import { historyQuerySchema } from "@/lib/validation/auth";

/** 004 `?limit=10&offset=0`: the caller's sign-in attempts, newest first. */
export const GET = apiRoute(sessionOps.getLoginHistory004, async ({ caller, request, locale }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { limit, offset } = validate(historyQuerySchema, query, locale);
  const { events, total } = await listLoginHistory({ userId: caller.user.id, limit, offset });
  return jsonResponse({ success: true, data: { history: events.map(loginEvent004), total, limit, offset } });
});
