import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { isActive003 } from "@/lib/contracts/shared/mappers";
import { verifyEmail } from "@/lib/services/auth/verify-email";

/** 003: the token of the emailed link, in the path. */
export const GET = apiRoute(authOps.verifyEmail003, async ({ request, params, locale }) => {
  const user = await verifyEmail({ token: params.token, client: clientInfo(request) });
  return jsonResponse({
    success: true,
    message: localize(locale, AUTH_MESSAGES.emailVerified),
    user: { email: user.email, email_verified: user.emailVerified !== null, is_active: isActive003(user) },
  });
});
