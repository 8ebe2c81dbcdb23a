import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, encryptionKeyId, encryptSecret, needsReencryption, reencryptSecret } from "@/lib/core/crypto";
import { resetEnv } from "@/lib/core/env";
import { backupCodeHashes, hashBackupCode } from "@/lib/services/two-factor/backup-codes";

const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("base64");

function useKeys(value: string) {
  vi.stubEnv("ENCRYPTION_KEY", value);
  resetEnv();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
});

/** What lib/core/crypto.ts wrote before key ids: `v1.<iv>.<tag>.<ciphertext>` under a single key. */
function sealV1(plain: string, rawKey: string): string {
  const bytes = Buffer.from(rawKey, "base64");
  const key = bytes.length === 32 ? bytes : createHash("sha256").update(rawKey).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

describe("ENCRYPTION_KEY rotation (a list: the first encrypts, all decrypt)", () => {
  it("seals under the first key with its id, and opens values sealed under any listed key", () => {
    useKeys(OLD);
    const underOld = encryptSecret("totp-secret");
    expect(underOld.split(".")).toHaveLength(5);
    expect(underOld.split(".")[1]).toBe(encryptionKeyId(OLD));

    useKeys(`${NEW},${OLD}`);
    expect(decryptSecret(underOld)).toBe("totp-secret");
    const underNew = encryptSecret("provider-token");
    expect(underNew.split(".")[1]).toBe(encryptionKeyId(NEW));
    expect(decryptSecret(underNew)).toBe("provider-token");

    // Once the old key is dropped, what it sealed is unreadable (hence: re-encrypt first).
    useKeys(NEW);
    expect(() => decryptSecret(underOld)).toThrow(/no longer lists/);
    expect(decryptSecret(underNew)).toBe("provider-token");
  });

  it("still reads v1 values (no key id) under any listed key", () => {
    const legacy = sealV1("legacy", OLD);
    useKeys(`${NEW},${OLD}`);
    expect(decryptSecret(legacy)).toBe("legacy");
    useKeys(NEW);
    expect(() => decryptSecret(legacy)).toThrow();
  });

  it("re-encrypts old values under the first key, and leaves current ones alone", () => {
    useKeys(OLD);
    const underOld = encryptSecret("client-secret");
    const legacy = sealV1("legacy", OLD);
    useKeys(`${NEW},${OLD}`);
    expect(needsReencryption(underOld)).toBe(true);
    expect(needsReencryption(legacy)).toBe(true);
    const moved = reencryptSecret(underOld);
    const movedLegacy = reencryptSecret(legacy);
    expect(needsReencryption(moved)).toBe(false);
    expect(reencryptSecret(moved)).toBe(moved);
    useKeys(NEW);
    expect(decryptSecret(moved)).toBe("client-secret");
    expect(decryptSecret(movedLegacy)).toBe("legacy");
  });

  it("refuses a tampered value", () => {
    useKeys(NEW);
    const sealed = encryptSecret("x");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("y").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
    expect(() => decryptSecret("v3.a.b.c")).toThrow(/Unrecognised/);
  });

  it("keeps backup codes made under the old key working after a rotation", () => {
    useKeys(OLD);
    const stored = hashBackupCode("user-1", "12345678");
    useKeys(`${NEW},${OLD}`);
    expect(backupCodeHashes("user-1", "12345678")).toContain(stored);
    expect(hashBackupCode("user-1", "12345678")).not.toBe(stored);
  });
});
