import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { messageAnswer } from "@/lib/mappers/auth";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { verifyEmailSchema } from "@/lib/validation/auth";

/** 004: `{token}` from the emailed link. */
export const POST = apiRoute(authOps.verifyEmail, async ({ request, locale }) => {
  const input = validate(verifyEmailSchema, await readJson(request), locale);
  await verifyEmail({ token: input.token, client: clientInfo(request) });
  return jsonResponse(messageAnswer(locale, "emailVerified"));
});
