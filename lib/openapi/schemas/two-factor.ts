import { z } from "zod";
import { message, successTrue } from "@/lib/openapi/schemas/primitives";

/** Answers of `lib/mappers/two-factor.ts`, each named like its mapper. */

const qrCode = z.string().meta({ description: "A `data:image/png;base64,...` URL.", example: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA..." });
const secret = z.string().meta({ description: "The TOTP secret (base32), for manual entry.", example: "JBSWY3DPEHPK3PXP" });
const backupCodes = z
  .array(z.string().meta({ example: "12345678" }))
  .meta({ description: "Eight single-use codes of 8 digits, shown once.", example: ["12345678", "23456789", "34567890", "45678901", "56789012", "67890123", "78901234", "89012345"] });

/** `twoFactorInit000`: seed 000 `POST /api/users/profile/2fa/init`. */
export const TwoFactorInit000 = z
  .object({ qrCode, secretKey: secret, backupCodes, method: z.literal("app") })
  .meta({ id: "TwoFactorInit000" });
export type TwoFactorInit000 = z.infer<typeof TwoFactorInit000>;

/** `twoFactorSetup004`: seed 004 `POST /api/auth/2fa/enable {}` (step 10). */
export const TwoFactorSetup004 = z
  .object({ success: successTrue, message, data: z.object({ secret, qrCode, manualEntryKey: secret }) })
  .meta({
    id: "TwoFactorSetup004",
    description: "Message: « Scannez le QR code avec votre application d'authentification » / \"Scan the QR code with your authenticator app\".",
  });
export type TwoFactorSetup004 = z.infer<typeof TwoFactorSetup004>;

/** `twoFactorEnabled004`: seed 004 `POST /api/auth/2fa/enable {token}` (step 11). */
export const TwoFactorEnabled004 = z
  .object({ success: successTrue, message, data: z.object({ backupCodes }).optional() })
  .meta({ id: "TwoFactorEnabled004", description: "Message: « 2FA activé avec succès ». `data.backupCodes` (our addition) holds the new backup codes." });
export type TwoFactorEnabled004 = z.infer<typeof TwoFactorEnabled004>;

export const TwoFactorEnableAnswer004 = z.union([TwoFactorSetup004, TwoFactorEnabled004]).meta({ id: "TwoFactorEnableAnswer004" });

/** `backupCodesAnswer`: both families' `POST .../backup-codes`. */
export const BackupCodesAnswer = z
  .object({ success: successTrue, message, backupCodes })
  .meta({ id: "BackupCodesAnswer", description: "Message: « Nouveaux codes de secours générés : les anciens ne fonctionnent plus »." });
export type BackupCodesAnswer = z.infer<typeof BackupCodesAnswer>;
