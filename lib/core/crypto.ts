import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/core/env";

/** 32 random bytes as 64 hex characters: the format of every emailed token (docs/contracts/README.md "Sessions and tokens"). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("hex");
}

/** Tokens and codes are stored as their sha256 only. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time string comparison (lengths are compared after hashing both sides). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

type EncryptionKey = { id: string; key: Buffer };

/**
 * A short public name for a key, stored in each sealed value so decryption picks the right
 * key at once. Derived by a hash with its own label: it reveals nothing usable about the key.
 */
export function encryptionKeyId(raw: string): string {
  return createHash("sha256").update(`portal-encryption-key-id:${raw}`).digest().subarray(0, 6).toString("base64url");
}

function toKey(raw: string): EncryptionKey {
  const bytes = Buffer.from(raw, "base64");
  // A key that is not exactly 32 bytes is stretched rather than refused, so a long random
  // string (a hex key, say) works too; `openssl rand -base64 32` gives exactly 32 bytes.
  return { id: encryptionKeyId(raw), key: bytes.length === 32 ? bytes : createHash("sha256").update(raw).digest() };
}

let keyring: { source: string; keys: EncryptionKey[] } | undefined;

/** ENCRYPTION_KEY as a list: the first key encrypts, every key decrypts (rotation, see README). */
function encryptionKeys(): EncryptionKey[] {
  const source = env().ENCRYPTION_KEYS.join(",");
  if (keyring?.source !== source) keyring = { source, keys: env().ENCRYPTION_KEYS.map(toKey) };
  return keyring.keys;
}

/**
 * AES-256-GCM: `v2.<key id>.<iv>.<tag>.<ciphertext>` in base64url, under the first key of
 * ENCRYPTION_KEY. (`v1.<iv>.<tag>.<ciphertext>`, without a key id, is still read.)
 */
export function encryptSecret(plain: string): string {
  const [{ id, key }] = encryptionKeys() as [EncryptionKey];
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

function open(key: Buffer, iv: string, tag: string, data: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function decryptSecret(sealed: string): string {
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, id, iv, tag, data] = parts as [string, string, string, string, string];
    const match = encryptionKeys().find((k) => k.id === id);
    if (!match) throw new Error("Encrypted with a key that ENCRYPTION_KEY no longer lists");
    return open(match.key, iv, tag, data);
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, data] = parts as [string, string, string, string];
    // No key id: the GCM tag tells which key is the right one.
    for (const { key } of encryptionKeys()) {
      try {
        return open(key, iv, tag, data);
      } catch {
        // not this key
      }
    }
    throw new Error("Encrypted with a key that ENCRYPTION_KEY no longer lists");
  }
  throw new Error("Unrecognised encrypted value");
}

/** Whether a sealed value is under an older key (or the old format) and should be re-encrypted. */
export function needsReencryption(sealed: string): boolean {
  const [version, id] = sealed.split(".");
  return version !== "v2" || id !== encryptionKeys()[0]!.id;
}

/** The value sealed under the current key; unchanged when it already is. */
export function reencryptSecret(sealed: string): string {
  return needsReencryption(sealed) ? encryptSecret(decryptSecret(sealed)) : sealed;
}
