import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { TwoFactorEnableAnswer004 } from "@/lib/contracts/rest-v1/answers";
import { twoFactorEnabled004, twoFactorSetup004 } from "@/lib/contracts/rest-v1/mappers";
import { enableTwoFactorSchema } from "@/lib/contracts/rest-v1/requests";
import { backupCodesAnswer, twoFactorMessage } from "@/lib/contracts/shared/two-factor-mappers";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { BackupCodesAnswer } from "@/lib/contracts/shared/two-factor-answers";
import { confirmTwoFactorSetup } from "@/lib/services/two-factor/confirm-two-factor-setup";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { twoFactorCodeProofSchema } from "@/lib/validation/two-factor";

const TAGS = ["Two-factor authentication"];

/** Steps 10 and 11 of the collection: `{}` starts set-up (secret and QR code), `{token}` confirms it. */
export const enableTwoFactor004 = defineRoute({
  method: "post",
  path: "/api/auth/2fa/enable",
  operationId: "enableTwoFactor004",
  tags: TAGS,
  summary: "Enable 2FA in two steps (API clients)",
  description:
    "Seed 004. Step 1, `{}`: the secret, its QR code and the manual entry key (« Scannez le QR code avec votre application d'authentification »). Step 2, `{token}` with a code from the app: 2FA is on (« 2FA activé avec succès ») and the answer holds the backup codes. Until step 2, 2FA stays off.",
  policy: POLICY.sudo,
  body: {
    schema: enableTwoFactorSchema,
    optional: true,
    examples: {
      start: { summary: "Step 1: start", value: {} },
      confirm: { summary: "Step 2: confirm with a code", value: { token: "123456" } },
    },
  },
  responses: [
    {
      status: 200,
      description: "Step 1 (`TwoFactorSetup004`) or step 2 (`TwoFactorEnabled004`).",
      schema: TwoFactorEnableAnswer004,
      examples: { start: EXAMPLES.twoFactorSetup004, confirm: EXAMPLES.twoFactorEnabled004 },
    },
  ],
  errors: ["INVALID_2FA_CODE", "TWO_FACTOR_ALREADY_ENABLED", "TWO_FACTOR_SETUP_REQUIRED", "USER_NOT_FOUND", "TOO_MANY_REQUESTS"],
}, async function enableTwoFactor004({ caller, body, client, locale }) {
  if (body.token === undefined) return jsonResponse(twoFactorSetup004(await startTwoFactorSetup({ userId: caller.user.id }), locale));
  const { backupCodes } = await confirmTwoFactorSetup({ userId: caller.user.id, code: body.token, client, locale, reissueBackupCodes: true });
  return jsonResponse(twoFactorEnabled004(backupCodes, locale));
});

/** Step 13 of the collection: turns 2FA off with a current code `{token}` (TOTP or backup). */
export const disableTwoFactor004 = defineRoute({
  method: "post",
  path: "/api/auth/2fa/disable",
  operationId: "disableTwoFactor004",
  tags: TAGS,
  summary: "Turn 2FA off (API clients)",
  description: "Seed 004 step 13: a current code (TOTP or backup). Message: « 2FA désactivé avec succès ».",
  policy: POLICY.proof,
  body: { schema: twoFactorCodeProofSchema, examples: { seed004: { summary: "Seed 004", value: { token: "123456" } } } },
  responses: [{ status: 200, description: "2FA is off.", schema: MessageAnswer }],
  errors: ["INVALID_2FA_CODE", "TWO_FACTOR_NOT_ENABLED", "TOO_MANY_REQUESTS"],
}, async function disableTwoFactor004({ caller, body, client, locale }) {
  await disableTwoFactor({ userId: caller.user.id, proof: { code: body.token }, client, locale });
  return jsonResponse(twoFactorMessage(locale, "disabledShort"));
});

/** New backup codes for API clients: a current code `{token}`; the old codes stop working. */
export const regenerateBackupCodes004 = defineRoute({
  method: "post",
  path: "/api/auth/2fa/backup-codes",
  operationId: "regenerateBackupCodes004",
  tags: TAGS,
  summary: "New backup codes (API clients)",
  description: "A current code `{token}`; the old backup codes stop working.",
  policy: POLICY.proof,
  body: { schema: twoFactorCodeProofSchema, examples: { withCode: { summary: "With a current code", value: { token: "123456" } } } },
  responses: [{ status: 200, description: "The new codes, shown once.", schema: BackupCodesAnswer }],
  errors: ["INVALID_2FA_CODE", "TWO_FACTOR_NOT_ENABLED", "TOO_MANY_REQUESTS"],
}, async function regenerateBackupCodes004({ caller, body, client, locale }) {
  const { backupCodes } = await regenerateBackupCodes({ userId: caller.user.id, proof: { code: body.token }, client, locale });
  return jsonResponse(backupCodesAnswer(backupCodes, locale));
});
