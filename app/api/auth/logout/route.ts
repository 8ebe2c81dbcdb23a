import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { logOut } from "@/lib/services/auth/log-out";
import { logoutSchema } from "@/lib/validation/auth";

/**
 * 004 (bearer + `{refreshToken}`) and 003 (`{email}`). A credential is optional here: see
 * lib/services/auth/log-out.ts for what each combination may revoke.
 */
export const POST = apiRoute(authOps.logout, async ({ caller, request, locale }) => {
  const input = validate(logoutSchema, await readJson(request), locale);
  await logOut({ caller, email: input.email, refreshToken: input.refreshToken, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "loggedOut"));
});
