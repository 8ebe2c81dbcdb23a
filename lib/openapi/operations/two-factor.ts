import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { BackupCodesAnswer, TwoFactorInit000 } from "@/lib/openapi/schemas/two-factor";
import { confirmTwoFactorSetupSchema, optionalTwoFactorCodeProofSchema } from "@/lib/validation/two-factor";

const TAGS = ["Two-factor authentication"];

export const twoFactorOps = defineOperations({
  initTwoFactor000: {
    method: "post",
    path: "/api/users/profile/2fa/init",
    operationId: "initTwoFactor000",
    tags: TAGS,
    summary: "Start 2FA set-up (settings)",
    description:
      "Seed 000, first step: a TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s), its QR code as a `data:image/png;base64,...` URL and eight 8-digit backup codes. 2FA stays off until `POST /api/users/profile/2fa/verify` confirms a code.",
    policy: POLICY.sudo,
    responses: [{ status: 200, description: "Set-up started.", schema: TwoFactorInit000, examples: { seed000: EXAMPLES.twoFactorInit000 } }],
    errors: ["TWO_FACTOR_ALREADY_ENABLED", "USER_NOT_FOUND"],
  },
  confirmTwoFactor000: {
    method: "post",
    path: "/api/users/profile/2fa/verify",
    operationId: "confirmTwoFactor000",
    tags: TAGS,
    summary: "Confirm 2FA set-up (settings)",
    description: "Seed 000, second step: a code from the app turns 2FA on. Message: « Authentification à deux facteurs activée avec succès ».",
    policy: POLICY.sudo,
    body: { schema: confirmTwoFactorSetupSchema, examples: { seed000: { summary: "Seed 000", value: { method: "app", code: "123456" } } } },
    responses: [{ status: 200, description: "2FA is on.", schema: MessageAnswer }],
    errors: ["INVALID_2FA_CODE", "TWO_FACTOR_ALREADY_ENABLED", "TWO_FACTOR_SETUP_REQUIRED", "TOO_MANY_REQUESTS"],
  },
  disableTwoFactor000: {
    method: "delete",
    path: "/api/users/profile/2fa",
    operationId: "disableTwoFactor000",
    tags: TAGS,
    summary: "Turn 2FA off (settings)",
    description:
      "Seed 000's body-less DELETE needs a sign-in or a re-authentication (`POST /api/auth/reauthenticate`) within the last 10 minutes, otherwise 403 `REAUTH_REQUIRED`; an optional `{code}` (TOTP or backup, our addition) serves instead. Message: « Authentification à deux facteurs désactivée avec succès ».",
    policy: POLICY.proof,
    body: {
      schema: optionalTwoFactorCodeProofSchema,
      optional: true,
      examples: { seed000: { summary: "Seed 000 (body-less)", value: {} }, withCode: { summary: "With a current code", value: { code: "123456" } } },
    },
    responses: [{ status: 200, description: "2FA is off.", schema: MessageAnswer }],
    errors: ["REAUTH_REQUIRED", "INVALID_2FA_CODE", "TWO_FACTOR_NOT_ENABLED", "TOO_MANY_REQUESTS"],
  },
  regenerateBackupCodes000: {
    method: "post",
    path: "/api/users/profile/2fa/backup-codes",
    operationId: "regenerateBackupCodes000",
    tags: TAGS,
    summary: "New backup codes (settings)",
    description: "A sign-in or re-authentication within 10 minutes, or a current `{code}`; the old codes stop working.",
    policy: POLICY.proof,
    body: { schema: optionalTwoFactorCodeProofSchema, optional: true, examples: { recentSignIn: { summary: "After a recent sign-in", value: {} } } },
    responses: [{ status: 200, description: "The new codes, shown once.", schema: BackupCodesAnswer }],
    errors: ["REAUTH_REQUIRED", "INVALID_2FA_CODE", "TWO_FACTOR_NOT_ENABLED", "TOO_MANY_REQUESTS"],
  },
});

export const twoFactorOperations: ApiOperation[] = operationList(twoFactorOps);
