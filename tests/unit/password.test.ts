import * as nativeBcrypt from "@node-rs/bcrypt";
import bcryptjs from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bcryptLibrary, hashPassword, verifyPassword } from "@/lib/core/password";
import { env } from "@/lib/core/env";

// The real library, watched: the unknown-email test needs to see the comparison happen.
vi.mock("@node-rs/bcrypt", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/bcrypt")>();
  return { ...real, verify: vi.fn(real.verify), compare: vi.fn(real.compare) };
});

const PASSWORD = "Str0ng-Passphrase!";

describe("password hashing", () => {
  beforeEach(() => {
    vi.mocked(nativeBcrypt.verify).mockClear();
  });

  it("uses the native library, off the event loop", async () => {
    expect(await bcryptLibrary()).toBe("@node-rs/bcrypt");
  });

  it("verifies the hashes bcryptjs stored ($2b$ and older $2a$)", async () => {
    const stored = await bcryptjs.hash(PASSWORD, 4);
    expect(stored).toMatch(/^\$2b\$04\$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("Str0ng-Passphrase?", stored)).toBe(false);
    const older = stored.replace(/^\$2b\$/, "$2a$");
    expect(await verifyPassword(PASSWORD, older)).toBe(true);
    expect(await verifyPassword("wrong", older)).toBe(false);
    expect(nativeBcrypt.verify).toHaveBeenCalledTimes(4);
  });

  it("writes $2b$ hashes at the requested cost that bcryptjs verifies (no lock-in)", async () => {
    const hash = await hashPassword(PASSWORD, 5);
    expect(hash).toMatch(/^\$2b\$05\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.getRounds(hash)).toBe(5);
    expect(await bcryptjs.compare(PASSWORD, hash)).toBe(true);
    expect(await bcryptjs.compare("str0ng-passphrase!", hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("hashes at BCRYPT_COST by default", async () => {
    expect(bcryptjs.getRounds(await hashPassword(PASSWORD))).toBe(env().BCRYPT_COST);
  });

  it("reads the same password bytes as bcryptjs: UTF-8, and only the first 72", async () => {
    const unicode = "Pässwörd-1 ünïcødé 😀";
    expect(await bcryptjs.compare(unicode, await hashPassword(unicode, 4))).toBe(true);
    expect(await verifyPassword(unicode, await bcryptjs.hash(unicode, 4))).toBe(true);

    // 36 two-byte characters fill the 72 bytes: what follows is ignored by both libraries.
    const long = "é".repeat(36);
    expect(await verifyPassword(`${long}anything`, await bcryptjs.hash(long, 4))).toBe(true);
    expect(await bcryptjs.compare(`${long}anything`, await hashPassword(long, 4))).toBe(true);
    expect(await verifyPassword(long.slice(0, 35), await hashPassword(long, 4))).toBe(false);
  });

  it("still compares, against a hash at BCRYPT_COST, when there is no hash (unknown email)", async () => {
    expect(await verifyPassword(PASSWORD, null)).toBe(false);
    expect(await verifyPassword(PASSWORD, undefined)).toBe(false);
    expect(await verifyPassword("dummy-password-for-timing", "")).toBe(false);
    expect(nativeBcrypt.verify).toHaveBeenCalledTimes(3);
    for (const [, hash] of vi.mocked(nativeBcrypt.verify).mock.calls) {
      expect(bcryptjs.getRounds(String(hash))).toBe(env().BCRYPT_COST);
    }
  });

  it("leaves the event loop free during verifications", async () => {
    const hash = await hashPassword(PASSWORD, 10);
    // bcryptjs yields to the event loop once per 100 ms slice: four cost-10 comparisons
    // (about 100 ms each) allow it a few turns. Native, the loop keeps turning meanwhile; a
    // loaded machine only lengthens the comparisons, hence gives more turns, not fewer.
    let turns = 0;
    let done = false;
    const spin = () => {
      turns += 1;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const results = await Promise.all(Array.from({ length: 4 }, () => verifyPassword(PASSWORD, hash)));
    done = true;
    expect(results).toEqual([true, true, true, true]);
    expect(turns).toBeGreaterThan(100);
  });
});
