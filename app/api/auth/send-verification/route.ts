import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { messageAnswer } from "@/lib/mappers/auth";
import { resendVerificationEmail } from "@/lib/services/auth/send-verification-email";

/** 004: a new verification link for the signed-in user (body-less POST). */
export const POST = apiRoute(authOps.sendVerificationEmail, async ({ caller, request, locale }) => {
  await resendVerificationEmail({ userId: caller.user.id, email: caller.user.email, locale, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "verificationSent"));
});
