import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { resetPasswordSchema } from "@/lib/validation/auth";

/** 002 `/auth/reset-password/confirm {token, newPassword}`. */
export const POST = apiRoute(authOps.confirmPasswordReset, async ({ request, locale }) => {
  const input = validate(resetPasswordSchema, await readJson(request), locale);
  await resetPassword({ token: input.token, newPassword: input.newPassword, client: clientInfo(request), locale });
  return jsonResponse(messageAnswer(locale, "passwordReset"));
});
