import { describe, expect, it } from "vitest";
import { fill, formatDate, formatDateTime, formatRelative } from "@/components/settings/format";
import { settingsIntegrationsText } from "@/lib/i18n/ui/settings-integrations";
import { settingsNotificationsText } from "@/lib/i18n/ui/settings-notifications";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { settingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "@/lib/validation/notifications";

const at = new Date("2026-03-20T09:15:00Z");

describe("settings formatting", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(fill("{count} codes de secours restants", { count: 7 })).toBe("7 codes de secours restants");
    expect(fill("Déconnecter {name}", {})).toBe("Déconnecter {name}");
  });

  it("renders a time on the server in UTC, marked as such, in both languages", () => {
    expect(formatDateTime(at, "fr", "UTC")).toBe("20 mars 2026, 09:15 UTC");
    expect(formatDateTime(at.toISOString(), "en", "UTC")).toBe("20 Mar 2026, 09:15 UTC");
    expect(formatDate(at, "fr")).toBe("20 mars 2026");
  });

  it("says how long ago, down to 'now'", () => {
    expect(formatRelative(new Date(at.getTime() - 5 * 60_000), "fr", at)).toBe("il y a 5 minutes");
    expect(formatRelative(new Date(at.getTime() - 3 * 86_400_000), "en", at)).toBe("3 days ago");
    expect(formatRelative(at, "en", at)).toBe("now");
  });
});

describe("settings dictionaries", () => {
  it("name every notification preference of seed 000, in both languages", () => {
    for (const lang of ["fr", "en"] as const) {
      const text = settingsNotificationsText[lang];
      for (const [channel, values] of Object.entries(DEFAULT_NOTIFICATION_PREFERENCES)) {
        expect(text.channels[channel as keyof typeof text.channels].title).toBeTruthy();
        for (const key of Object.keys(values)) expect(text.preferences[key as keyof typeof text.preferences]?.label, `${lang} ${key}`).toBeTruthy();
      }
    }
  });

  it("have the same keys and no empty text in French and English", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    for (const dictionary of [settingsProfileText, settingsSecurityText, settingsNotificationsText, settingsIntegrationsText]) {
      expect(keys(dictionary.en)).toEqual(keys(dictionary.fr));
      for (const lang of ["fr", "en"] as const) {
        expect(JSON.stringify(dictionary[lang])).not.toMatch(/:""/);
      }
    }
  });

  it("quote seed 000's 2FA message verbatim in French", () => {
    expect(settingsSecurityText.fr.twoFactorEnabledToast).toBe("Authentification à deux facteurs activée avec succès");
  });
});
