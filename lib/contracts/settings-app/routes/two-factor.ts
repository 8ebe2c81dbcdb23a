import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { optionalTwoFactorCodeProofSchema } from "@/lib/contracts/settings-app/requests";
import { backupCodesAnswer, twoFactorMessage } from "@/lib/contracts/shared/two-factor-mappers";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { TwoFactorInit000 } from "@/lib/contracts/settings-app/answers";
import { twoFactorInit000 } from "@/lib/contracts/settings-app/mappers";
import { BackupCodesAnswer } from "@/lib/contracts/shared/two-factor-answers";
import { confirmTwoFactorSetup } from "@/lib/services/two-factor/confirm-two-factor-setup";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { confirmTwoFactorSetupSchema } from "@/lib/validation/two-factor";

/** The settings app's 2FA set-up in two steps, shared with REST v1's (docs/contracts/README.md "Two-factor authentication"). */

const TAGS = ["Two-factor authentication"];

/** First step: secret, QR code and backup codes; 2FA stays off until verify. */
export const initTwoFactor000 = defineRoute({
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
}, async function initTwoFactor000({ caller }) {
  return jsonResponse(twoFactorInit000(await startTwoFactorSetup({ userId: caller.user.id })));
});

/** Confirms set-up with a code from the app `{method, code}`; 2FA is on from here. */
export const confirmTwoFactor000 = defineRoute({
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
}, async function confirmTwoFactor000({ caller, body, locale, client }) {
  await confirmTwoFactorSetup({ userId: caller.user.id, code: body.code, client, locale });
  return jsonResponse(twoFactorMessage(locale, "enabled"));
});

/**
 * Turns 2FA off. Body-less, so it needs the session's sudo window (a sign-in or
 * re-authentication within 10 minutes, else 403 REAUTH_REQUIRED); an optional `{code}`
 * serves instead.
 */
export const disableTwoFactor000 = defineRoute({
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
}, async function disableTwoFactor000({ caller, body, sudo, locale, client }) {
  const proof = body.code ? { code: body.code } : { sudo: sudo() };
  await disableTwoFactor({ userId: caller.user.id, proof, client, locale });
  return jsonResponse(twoFactorMessage(locale, "disabled"));
});

/** New backup codes: a recent sign-in or a current `{code}`; the old codes stop working. */
export const regenerateBackupCodes000 = defineRoute({
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
}, async function regenerateBackupCodes000({ caller, body, sudo, locale, client }) {
  const proof = body.code ? { code: body.code } : { sudo: sudo() };
  const { backupCodes } = await regenerateBackupCodes({ userId: caller.user.id, proof, client, locale });
  return jsonResponse(backupCodesAnswer(backupCodes, locale));
});
