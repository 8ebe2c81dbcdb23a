import type { Localized } from "@/lib/i18n/locale";

export const INTEGRATION_MESSAGES = {
  connected: { fr: "Intégration connectée avec succès", en: "Integration connected successfully" },
  disconnected: { fr: "Intégration déconnectée avec succès", en: "Integration disconnected successfully" },
} satisfies Record<string, Localized>;
