import { z } from "zod";
import { message, successTrue } from "@/lib/openapi/schemas/primitives";

/** Answers of `lib/mappers/two-factor.ts`, each named like its mapper; REST v1's set-up answers are in `lib/contracts/rest-v1/answers.ts`. */

export const qrCode = z.string().meta({ description: "A `data:image/png;base64,...` URL.", example: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA..." });
export const secret = z.string().meta({ description: "The TOTP secret (base32), for manual entry.", example: "JBSWY3DPEHPK3PXP" });
export const backupCodes = z
  .array(z.string().meta({ example: "12345678" }))
  .meta({ description: "Eight single-use codes of 8 digits, shown once.", example: ["12345678", "23456789", "34567890", "45678901", "56789012", "67890123", "78901234", "89012345"] });

/** `twoFactorInit000`: seed 000 `POST /api/users/profile/2fa/init`. */
export const TwoFactorInit000 = z
  .object({ qrCode, secretKey: secret, backupCodes, method: z.literal("app") })
  .meta({ id: "TwoFactorInit000" });
export type TwoFactorInit000 = z.infer<typeof TwoFactorInit000>;

/** `backupCodesAnswer`: both families' `POST .../backup-codes`. */
export const BackupCodesAnswer = z
  .object({ success: successTrue, message, backupCodes })
  .meta({ id: "BackupCodesAnswer", description: "Message: « Nouveaux codes de secours générés : les anciens ne fonctionnent plus »." });
export type BackupCodesAnswer = z.infer<typeof BackupCodesAnswer>;
