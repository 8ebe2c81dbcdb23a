import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { changePassword } from "@/lib/services/password/change-password";
import { changePasswordSchema } from "@/lib/validation/auth";

/** 004 and 002 `{currentPassword, newPassword}`: the caller's session survives, every other one ends. */
export const POST = apiRoute(authOps.changePassword, async ({ caller, request, locale }) => {
  const input = validate(changePasswordSchema, await readJson(request), locale);
  await changePassword({ userId: caller.user.id, ...input, keepSessionId: caller.session.id, client: clientInfo(request), locale });
  return jsonResponse(messageAnswer(locale, "passwordChanged"));
});
