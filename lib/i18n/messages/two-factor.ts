import type { Localized } from "@/lib/i18n/locale";

/** Success messages of the two-factor routes; the French texts are the seeds' own. */
export const TWO_FACTOR_MESSAGES = {
  /** Seed 004, step 10. */
  setupStarted: { fr: "Scannez le QR code avec votre application d'authentification", en: "Scan the QR code with your authenticator app" },
  /** Seed 004, step 11. */
  enabledShort: { fr: "2FA activé avec succès", en: "2FA enabled successfully" },
  /** Seed 000, 2FA verification. */
  enabled: { fr: "Authentification à deux facteurs activée avec succès", en: "Two-factor authentication enabled successfully" },
  /** Seed 004, step 13. */
  disabledShort: { fr: "2FA désactivé avec succès", en: "2FA disabled successfully" },
  disabled: { fr: "Authentification à deux facteurs désactivée avec succès", en: "Two-factor authentication disabled successfully" },
  backupCodesRegenerated: {
    fr: "Nouveaux codes de secours générés : les anciens ne fonctionnent plus",
    en: "New backup codes generated: the old ones no longer work",
  },
} satisfies Record<string, Localized>;
