import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { signInAnswer } from "@/lib/mappers/auth";
import { completeTwoFactorLogin } from "@/lib/services/two-factor/complete-two-factor-login";
import { verifyTwoFactorLoginSchema } from "@/lib/validation/two-factor";

/** Seed 004 step 12: `{tempToken, token}` (TOTP or backup code) ends a 2FA sign-in with the login answer. */
export const POST = apiRoute(authOps.verifyTwoFactorLogin, async ({ request, locale }) => {
  const input = validate(verifyTwoFactorLoginSchema, await readJson(request), locale);
  const result = await completeTwoFactorLogin({ tempToken: input.tempToken, code: input.token, client: clientInfo(request), locale });
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});
