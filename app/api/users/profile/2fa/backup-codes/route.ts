import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { twoFactorOps } from "@/lib/openapi/operations/two-factor";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { backupCodesAnswer } from "@/lib/mappers/two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { optionalTwoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/** New backup codes for the settings (000 family): a recent sign-in or a current `{code}`; the old codes stop working. */
export const POST = apiRoute(twoFactorOps.regenerateBackupCodes000, async ({ caller, request, locale, sudo }) => {
  const { code } = validate(optionalTwoFactorCodeProofSchema, await readJson(request), locale);
  const proof = code ? { code } : { sudo: sudo() };
  const { backupCodes } = await regenerateBackupCodes({ userId: caller.user.id, proof, client: clientInfo(request), locale });
  return jsonResponse(backupCodesAnswer(backupCodes, locale));
});
