import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { loginHistoryEntry000 } from "@/lib/contracts/settings-app/mappers";
import { listLoginHistory } from "@/lib/services/profile/list-login-history";
import { loginHistoryQuerySchema } from "@/lib/validation/profile";

/** Seed 000: the caller's sign-ins, newest first (`?limit=` up to 100, default 50). */
export const GET = apiRoute(profileOps.getLoginHistory000, async ({ caller, request, locale }) => {
  const query = validate(loginHistoryQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
  const entries = await listLoginHistory({ userId: caller.user.id, limit: query.limit, offset: query.offset });
  return jsonResponse(entries.map(loginHistoryEntry000));
});
