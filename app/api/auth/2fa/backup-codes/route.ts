import { readJson } from "@/lib/api/body";
import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { requireCaller } from "@/lib/auth/caller";
import { backupCodesAnswer } from "@/lib/mappers/two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { twoFactorCodeProofSchema } from "@/lib/validation/two-factor";

/** New backup codes for API clients (004 family): a current code `{token}`; the old codes stop working. */
export const POST = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "account" });
  const { token } = validate(twoFactorCodeProofSchema, await readJson(request), locale);
  const { backupCodes } = await regenerateBackupCodes({ userId: caller.user.id, proof: { code: token }, client: clientInfo(request), locale });
  return jsonResponse(backupCodesAnswer(backupCodes, locale));
});
