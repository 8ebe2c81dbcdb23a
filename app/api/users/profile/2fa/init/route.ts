import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { twoFactorInit000 } from "@/lib/mappers/two-factor";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";

/** Seed 000: first step of 2FA set-up (secret, QR code, backup codes); 2FA stays off until verify. */
export const POST = apiRoute(twoFactorOps.initTwoFactor000, async ({ caller }) => {
  const setup = await startTwoFactorSetup({ userId: caller.user.id });
  return jsonResponse(twoFactorInit000(setup));
});
