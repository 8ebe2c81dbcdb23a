import "server-only";
import { z } from "zod";
import { message, successTrue } from "@/lib/contracts/shared/primitives";

/** Two-factor answers the settings app and REST v1 share (`two-factor-mappers.ts`); each client's set-up answer is in its own module. */

export const qrCode = z.string().meta({ description: "A `data:image/png;base64,...` URL.", example: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA..." });
export const secret = z.string().meta({ description: "The TOTP secret (base32), for manual entry.", example: "JBSWY3DPEHPK3PXP" });
export const backupCodes = z
  .array(z.string().meta({ example: "12345678" }))
  .meta({ description: "Eight single-use codes of 8 digits, shown once.", example: ["12345678", "23456789", "34567890", "45678901", "56789012", "67890123", "78901234", "89012345"] });

/** `backupCodesAnswer`: both families' `POST .../backup-codes`. */
export const BackupCodesAnswer = z
  .object({ success: successTrue, message, backupCodes })
  .meta({ id: "BackupCodesAnswer", description: "Message: « Nouveaux codes de secours générés : les anciens ne fonctionnent plus »." });
export type BackupCodesAnswer = z.infer<typeof BackupCodesAnswer>;
