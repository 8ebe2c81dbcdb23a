import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { refreshSession } from "@/lib/services/sessions/refresh-session";
import { refreshSchema } from "@/lib/validation/auth";

/** 004: `{refreshToken}` → `{success, data: {accessToken}}`. */
export const POST = apiRoute(authOps.refreshAccessToken, async ({ request, locale }) => {
  const input = validate(refreshSchema, await readJson(request), locale);
  const { accessToken } = await refreshSession({ refreshToken: input.refreshToken });
  return jsonResponse({ success: true, data: { accessToken } });
});
