import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { emailOnlySchema } from "@/lib/validation/auth";

/** 004: the same answer whether or not the address has an account. */
export const POST = apiRoute(authOps.forgotPassword, async ({ request, locale }) => {
  const input = validate(emailOnlySchema, await readJson(request), locale);
  await requestPasswordReset({ email: input.email, locale, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "forgotPassword"));
});
