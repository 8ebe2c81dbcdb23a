import { clientInfo } from "@/lib/api/client-info";
import { readJson } from "@/lib/api/body";
import { AppError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { getCaller } from "@/lib/auth/caller";
import { isSameOriginWrite } from "@/lib/auth/csrf";
import { messageAnswer } from "@/lib/mappers/auth";
import { logOut } from "@/lib/services/auth/log-out";
import { logoutSchema } from "@/lib/validation/auth";

/**
 * 004 (bearer + `{refreshToken}`) and 003 (`{email}`). A credential is optional here: see
 * lib/services/auth/log-out.ts for what each combination may revoke.
 */
export const POST = apiRoute(async ({ request, locale }) => {
  const input = validate(logoutSchema, await readJson(request), locale);
  const caller = await getCaller(request);
  if (caller?.via === "cookie" && !isSameOriginWrite(request)) throw new AppError("CSRF_FAILED");
  await logOut({ caller, email: input.email, refreshToken: input.refreshToken, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "loggedOut"));
});
