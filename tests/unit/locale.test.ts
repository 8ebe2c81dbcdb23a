import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locale";

describe("negotiateLocale", () => {
  it("defaults to French", () => {
    expect(negotiateLocale(null)).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9")).toBe("fr");
  });
  it("follows the preferred supported language and its q-values", () => {
    expect(negotiateLocale("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("fr;q=0.5,en;q=0.8")).toBe("en");
    expect(negotiateLocale("de,en;q=0.7,fr;q=0.6")).toBe("en");
    expect(negotiateLocale("en;q=0")).toBe("fr");
  });
});
