import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { emailOnlySchema, resetPasswordSchema } from "@/lib/validation/auth";

/**
 * Documented twice (CONTRACT 1): 002 `{email}` asks for the link, 004 `{token, newPassword}`
 * sets the password. A body with a token is the second.
 */
export const POST = apiRoute(authOps.resetPassword, async ({ request, locale }) => {
  const body = await readJson(request);
  const client = clientInfo(request);
  if (typeof body === "object" && body !== null && "token" in body) {
    const input = validate(resetPasswordSchema, body, locale);
    await resetPassword({ token: input.token, newPassword: input.newPassword, client, locale });
    return jsonResponse(messageAnswer(locale, "passwordReset"));
  }
  const input = validate(emailOnlySchema, body, locale);
  await requestPasswordReset({ email: input.email, locale, client });
  return jsonResponse(messageAnswer(locale, "forgotPassword"));
});
