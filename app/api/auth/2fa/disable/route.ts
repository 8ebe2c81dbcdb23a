import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { twoFactorMessage } from "@/lib/mappers/two-factor";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { twoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/** Seed 004 step 13: turns 2FA off with a current code `{token}` (TOTP or backup). */
export const POST = apiRoute(twoFactorOps.disableTwoFactor004, async ({ caller, request, locale }) => {
  const { token } = validate(twoFactorCodeProofSchema, await readJson(request), locale);
  await disableTwoFactor({ userId: caller.user.id, proof: { code: token }, client: clientInfo(request), locale });
  return jsonResponse(twoFactorMessage(locale, "disabledShort"));
});
