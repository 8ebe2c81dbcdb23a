import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { backupCodesAnswer } from "@/lib/mappers/two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { twoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/** New backup codes for API clients (004 family): a current code `{token}`; the old codes stop working. */
export const POST = apiRoute(twoFactorOps.regenerateBackupCodes004, async ({ caller, request, locale }) => {
  const { token } = validate(twoFactorCodeProofSchema, await readJson(request), locale);
  const { backupCodes } = await regenerateBackupCodes({ userId: caller.user.id, proof: { code: token }, client: clientInfo(request), locale });
  return jsonResponse(backupCodesAnswer(backupCodes, locale));
});
