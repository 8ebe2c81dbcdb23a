import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { checkPasswordResetToken } from "@/lib/services/auth/check-password-reset-token";

/** 003: is this reset link still good? It is not used up by asking. */
export const GET = apiRoute(authOps.checkPasswordResetToken003, async ({ params, locale }) => {
  const user = await checkPasswordResetToken({ token: params.token });
  return jsonResponse({ success: true, message: localize(locale, AUTH_MESSAGES.resetTokenValid), user: { email: user.email, name: user.name } });
});
