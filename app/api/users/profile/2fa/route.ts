import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { requireCaller } from "@/lib/auth/caller";
import { twoFactorMessage } from "@/lib/mappers/two-factor";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { optionalTwoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/**
 * Seed 000: turns 2FA off. Body-less, so it needs a sign-in within the last 10 minutes
 * (else 403 REAUTH_REQUIRED); an optional `{code}` serves when the sign-in is older.
 */
export const DELETE = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "account" });
  const { code } = validate(optionalTwoFactorCodeProofSchema, await readJson(request), locale);
  const proof = code ? { code } : { signedInAt: caller.session.createdAt };
  await disableTwoFactor({ userId: caller.user.id, proof, client: clientInfo(request), locale });
  return jsonResponse(twoFactorMessage(locale, "disabled"));
});
