import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { emailOnlySchema } from "@/lib/validation/auth";

/** 003 `{email}`: identical answer whether or not the email exists (as the document requires). */
export const POST = apiRoute(authOps.requestPasswordReset003, async ({ request, locale }) => {
  const input = validate(emailOnlySchema, await readJson(request), locale);
  await requestPasswordReset({ email: input.email, locale, client: clientInfo(request) });
  return jsonResponse({
    success: true,
    message: localize(locale, AUTH_MESSAGES.resetRequested),
    expiresIn: localize(locale, AUTH_MESSAGES.expiresIn1Hour),
  });
});
