import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { signInAnswer, twoFactorChallengeAnswer } from "@/lib/mappers/auth";
import { authenticateWithPassword } from "@/lib/services/auth/authenticate-password";
import { loginSchema } from "@/lib/validation/auth";

/** 002 (`/auth/login`, `/auth/signin`), 003 and 004 login: one union answer (CONTRACT 2). */
export const POST = apiRoute(authOps.login, async ({ request, locale }) => {
  const input = validate(loginSchema, await readJson(request), locale);
  const result = await authenticateWithPassword({ ...input, client: clientInfo(request), kind: "API" });
  if (result.kind === "two-factor") return jsonResponse(twoFactorChallengeAnswer({ tempToken: result.tempToken, locale }));
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});
