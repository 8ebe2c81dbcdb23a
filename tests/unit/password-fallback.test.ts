import bcryptjs from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { bcryptLibrary, hashPassword, verifyPassword } from "@/lib/core/password";
import { logger } from "@/lib/core/logger";

// A platform with no prebuilt binary: the native package throws when it loads.
vi.mock("@node-rs/bcrypt", () => {
  throw new Error("Cannot find native binding");
});

describe("password hashing without the native binding", () => {
  it("falls back to bcryptjs, with one warning, and keeps the same hashes", async () => {
    const warn = vi.spyOn(logger, "warn");
    expect(await bcryptLibrary()).toBe("bcryptjs");
    const hash = await hashPassword("Str0ng-Passphrase!", 4);
    expect(await bcryptjs.compare("Str0ng-Passphrase!", hash)).toBe(true);
    expect(await verifyPassword("Str0ng-Passphrase!", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
    expect(await verifyPassword("Str0ng-Passphrase!", null)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/@node-rs\/bcrypt did not load.*bcryptjs/);
  });
});
