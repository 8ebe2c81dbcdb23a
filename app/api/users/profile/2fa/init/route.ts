import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { twoFactorInit000 } from "@/lib/mappers/two-factor";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";

/** Seed 000: first step of 2FA set-up (secret, QR code, backup codes); 2FA stays off until verify. */
export const POST = apiRoute(async ({ request }) => {
  const caller = await requireCaller(request, { scope: "account" });
  const setup = await startTwoFactorSetup({ userId: caller.user.id });
  return jsonResponse(twoFactorInit000(setup));
});
