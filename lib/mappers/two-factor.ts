import { localize, type Locale } from "@/lib/i18n/locale";
import { TWO_FACTOR_MESSAGES } from "@/lib/i18n/messages/two-factor";
import type { TwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import type { z } from "zod";
import type { MessageAnswer } from "@/lib/contracts/shared/answers";
import type { BackupCodesAnswer, TwoFactorEnabled004, TwoFactorInit000, TwoFactorSetup004 } from "@/lib/openapi/schemas/two-factor";

/** Seed 000 `POST /api/users/profile/2fa/init`. */
export function twoFactorInit000(setup: TwoFactorSetup): z.output<typeof TwoFactorInit000> {
  return { qrCode: setup.qrCode, secretKey: setup.secret, backupCodes: setup.backupCodes, method: "app" as const };
}

/** Seed 004 `POST /api/auth/2fa/enable {}` (step 10). */
export function twoFactorSetup004(setup: TwoFactorSetup, locale: Locale): z.output<typeof TwoFactorSetup004> {
  return {
    success: true as const,
    message: localize(locale, TWO_FACTOR_MESSAGES.setupStarted),
    data: { secret: setup.secret, qrCode: setup.qrCode, manualEntryKey: setup.secret },
  };
}

/**
 * Seed 004 `POST /api/auth/2fa/enable {token}` (step 11). Seed 004's flow shows no backup
 * codes anywhere else, so the confirming answer adds them under `data`.
 */
export function twoFactorEnabled004(backupCodes: string[] | null, locale: Locale): z.output<typeof TwoFactorEnabled004> {
  return {
    success: true as const,
    message: localize(locale, TWO_FACTOR_MESSAGES.enabledShort),
    ...(backupCodes ? { data: { backupCodes } } : {}),
  };
}

/** `{success, message}` with a message of lib/i18n/messages/two-factor.ts. */
export function twoFactorMessage(locale: Locale, key: keyof typeof TWO_FACTOR_MESSAGES): z.output<typeof MessageAnswer> {
  return { success: true as const, message: localize(locale, TWO_FACTOR_MESSAGES[key]) };
}

/** Both families' `POST .../backup-codes`: the new codes, shown once. */
export function backupCodesAnswer(backupCodes: string[], locale: Locale): z.output<typeof BackupCodesAnswer> {
  return { ...twoFactorMessage(locale, "backupCodesRegenerated"), backupCodes };
}
