import { localize, type Locale } from "@/lib/i18n/locale";
import { TWO_FACTOR_MESSAGES } from "@/lib/i18n/messages/two-factor";
import type { TwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import type { z } from "zod";
import type { MessageAnswer } from "@/lib/contracts/shared/answers";
import type { BackupCodesAnswer, TwoFactorInit000 } from "@/lib/openapi/schemas/two-factor";

/** Seed 000 `POST /api/users/profile/2fa/init`. */
export function twoFactorInit000(setup: TwoFactorSetup): z.output<typeof TwoFactorInit000> {
  return { qrCode: setup.qrCode, secretKey: setup.secret, backupCodes: setup.backupCodes, method: "app" as const };
}

/** `{success, message}` with a message of lib/i18n/messages/two-factor.ts. */
export function twoFactorMessage(locale: Locale, key: keyof typeof TWO_FACTOR_MESSAGES): z.output<typeof MessageAnswer> {
  return { success: true as const, message: localize(locale, TWO_FACTOR_MESSAGES[key]) };
}

/** Both families' `POST .../backup-codes`: the new codes, shown once. */
export function backupCodesAnswer(backupCodes: string[], locale: Locale): z.output<typeof BackupCodesAnswer> {
  return { ...twoFactorMessage(locale, "backupCodesRegenerated"), backupCodes };
}
