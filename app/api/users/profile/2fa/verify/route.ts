import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { twoFactorMessage } from "@/lib/mappers/two-factor";
import { confirmTwoFactorSetup } from "@/lib/services/two-factor/confirm-two-factor-setup";
import { confirmTwoFactorSetupSchema } from "@/lib/validation/two-factor";

/** Seed 000: confirms set-up with a code from the app `{method, code}`; 2FA is on from here. */
export const POST = apiRoute(twoFactorOps.confirmTwoFactor000, async ({ caller, request, locale }) => {
  const input = validate(confirmTwoFactorSetupSchema, await readJson(request), locale);
  await confirmTwoFactorSetup({ userId: caller.user.id, code: input.code, client: clientInfo(request), locale });
  return jsonResponse(twoFactorMessage(locale, "enabled"));
});
