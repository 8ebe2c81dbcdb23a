import "server-only";
import { localize, type Locale } from "@/lib/i18n/locale";
import { TWO_FACTOR_MESSAGES } from "@/lib/i18n/messages/two-factor";
import type { z } from "zod";
import type { MessageAnswer } from "@/lib/contracts/shared/answers";
import type { BackupCodesAnswer } from "@/lib/contracts/shared/two-factor-answers";

/** `{success, message}` with a message of lib/i18n/messages/two-factor.ts. */
export function twoFactorMessage(locale: Locale, key: keyof typeof TWO_FACTOR_MESSAGES): z.output<typeof MessageAnswer> {
  return { success: true as const, message: localize(locale, TWO_FACTOR_MESSAGES[key]) };
}

/** Both families' `POST .../backup-codes`: the new codes, shown once. */
export function backupCodesAnswer(backupCodes: string[], locale: Locale): z.output<typeof BackupCodesAnswer> {
  return { ...twoFactorMessage(locale, "backupCodesRegenerated"), backupCodes };
}
