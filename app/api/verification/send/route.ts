import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { requestVerificationEmail } from "@/lib/services/auth/request-verification-email";
import { emailOnlySchema } from "@/lib/validation/auth";

/** 003 `{email}`: the same answer whether or not a link was due. */
export const POST = apiRoute(authOps.sendVerification003, async ({ request, locale }) => {
  const input = validate(emailOnlySchema, await readJson(request), locale);
  await requestVerificationEmail({ email: input.email, locale, client: clientInfo(request), action: "verification" });
  return jsonResponse({
    success: true,
    message: localize(locale, AUTH_MESSAGES.verificationSent),
    expiresIn: localize(locale, AUTH_MESSAGES.expiresIn24Hours),
  });
});
