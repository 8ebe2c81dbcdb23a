import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { resetPasswordWithConfirmationSchema } from "@/lib/validation/auth";

/** 003 `{password, confirmPassword}` with the token in the path. */
export const POST = apiRoute(authOps.resetPassword003, async ({ request, params, locale }) => {
  const input = validate(resetPasswordWithConfirmationSchema, await readJson(request), locale);
  const { user } = await resetPassword({ token: params.token, newPassword: input.password, client: clientInfo(request), locale });
  return jsonResponse({ success: true, message: localize(locale, AUTH_MESSAGES.passwordReset), user: { email: user.email, name: user.name } });
});
