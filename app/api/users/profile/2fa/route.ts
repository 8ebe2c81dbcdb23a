import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { twoFactorMessage } from "@/lib/mappers/two-factor";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { optionalTwoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/**
 * Seed 000: turns 2FA off. Body-less, so it needs the session's sudo window (a sign-in or
 * re-authentication within 10 minutes, else 403 REAUTH_REQUIRED); an optional `{code}`
 * serves instead.
 */
export const DELETE = apiRoute(twoFactorOps.disableTwoFactor000, async ({ caller, request, locale, sudo }) => {
  const { code } = validate(optionalTwoFactorCodeProofSchema, await readJson(request), locale);
  const proof = code ? { code } : { sudo: sudo() };
  await disableTwoFactor({ userId: caller.user.id, proof, client: clientInfo(request), locale });
  return jsonResponse(twoFactorMessage(locale, "disabled"));
});
