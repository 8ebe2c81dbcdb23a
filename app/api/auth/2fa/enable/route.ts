import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { twoFactorEnabled004, twoFactorSetup004 } from "@/lib/mappers/two-factor";
import { confirmTwoFactorSetup } from "@/lib/services/two-factor/confirm-two-factor-setup";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { enableTwoFactorSchema } from "@/lib/validation/two-factor";

/** Seed 004 steps 10 and 11: `{}` starts set-up (secret and QR code), `{token}` confirms it. */
export const POST = apiRoute(twoFactorOps.enableTwoFactor004, async ({ caller, request, locale }) => {
  const { token } = validate(enableTwoFactorSchema, await readJson(request), locale);
  if (token === undefined) {
    return jsonResponse(twoFactorSetup004(await startTwoFactorSetup({ userId: caller.user.id }), locale));
  }
  const { backupCodes } = await confirmTwoFactorSetup({
    userId: caller.user.id,
    code: token,
    client: clientInfo(request),
    locale,
    reissueBackupCodes: true,
  });
  return jsonResponse(twoFactorEnabled004(backupCodes, locale));
});
