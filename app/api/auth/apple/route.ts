import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { signInAnswer, twoFactorChallengeAnswer } from "@/lib/mappers/auth";
import { signInWithIdToken } from "@/lib/services/auth/sign-in-with-id-token";
import { appleSignInSchema } from "@/lib/validation/social-sign-in";

/** Seed 002 `POST /auth/apple {identityToken, user?}` (also `/api/auth/apple`). */
export const POST = apiRoute(authOps.signInWithApple, async ({ request, locale }) => {
  const input = validate(appleSignInSchema, await readJson(request), locale);
  const result = await signInWithIdToken({ provider: "apple", idToken: input.identityToken, appleUser: input.user, client: clientInfo(request) });
  if (result.kind === "two-factor") return jsonResponse(twoFactorChallengeAnswer({ tempToken: result.tempToken, locale }));
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});
