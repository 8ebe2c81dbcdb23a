import { clientInfo } from "@/lib/api/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { requireCaller } from "@/lib/auth/caller";
import { messageAnswer } from "@/lib/mappers/auth";
import { changePassword } from "@/lib/services/password/change-password";
import { changePasswordSchema } from "@/lib/validation/auth";

/** 004 and 002 `{currentPassword, newPassword}`: the caller's session survives, every other one ends. */
export const POST = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request);
  const input = validate(changePasswordSchema, await readJson(request), locale);
  await changePassword({ userId: caller.user.id, ...input, keepSessionId: caller.session.id, client: clientInfo(request), locale });
  return jsonResponse(messageAnswer(locale, "passwordChanged"));
});
