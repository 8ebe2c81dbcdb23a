import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { MessageAnswer } from "@/lib/openapi/schemas/auth";
import { BackupCodesAnswer, TwoFactorEnableAnswer004 } from "@/lib/openapi/schemas/two-factor";
import { enableTwoFactorSchema, twoFactorCodeProofSchema } from "@/lib/validation/two-factor";

const TAGS = ["Two-factor authentication"];

export const twoFactorOps = defineOperations({
  enableTwoFactor004: {
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
  },
  disableTwoFactor004: {
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
  },
  regenerateBackupCodes004: {
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
  },
});

export const twoFactorOperations: ApiOperation[] = operationList(twoFactorOps);
