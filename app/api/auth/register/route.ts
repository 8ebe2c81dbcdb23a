import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { registerAnswer } from "@/lib/mappers/auth";
import { registerUser } from "@/lib/services/auth/register-user";
import { registerSchema } from "@/lib/validation/auth";

/** 004 `{email, password, firstName, lastName}` and 002 `{name, email, password}`: 201 with tokens. */
export const POST = apiRoute(authOps.register, async ({ request, locale }) => {
  const input = validate(registerSchema, await readJson(request), locale);
  const { user, tokens } = await registerUser({ ...input, client: clientInfo(request), locale, signIn: true });
  return jsonResponse(registerAnswer({ user, tokens, locale }), { status: 201 });
});
