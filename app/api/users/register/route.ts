import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { user003 } from "@/lib/contracts/shared/mappers";
import { registerUser } from "@/lib/services/auth/register-user";
import { registerWithConfirmationSchema } from "@/lib/validation/auth";

/** 003 `{name, email, password, confirmPassword}`: 201, no session (the client verifies the email first). */
export const POST = apiRoute(authOps.registerUser003, async ({ request, locale }) => {
  const input = validate(registerWithConfirmationSchema, await readJson(request), locale);
  const { user, emailSent } = await registerUser({ email: input.email, password: input.password, name: input.name, client: clientInfo(request), locale });
  return jsonResponse(
    { success: true, message: localize(locale, AUTH_MESSAGES.userCreated), user: user003(user), emailSent },
    { status: 201 },
  );
});
