import { describe, expect, it } from "vitest";
import { generateBackupCodes, hashBackupCode, normalizeCode } from "@/lib/services/two-factor/backup-codes";
import { generateTotpCode, generateTotpSecret, matchTotpCode, totpStep, totpUri } from "@/lib/services/two-factor/totp";

// RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" in base32, and the last six
// digits of its eight-digit codes.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("at %i s the code is %s", (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(generateTotpCode(RFC_SECRET, at)).toBe(code);
    expect(matchTotpCode({ secret: RFC_SECRET, code, at })).toBe(totpStep(at));
  });

  it("accepts one step of drift either way, not two, and nothing at or before afterStep", () => {
    const secret = generateTotpSecret();
    const at = new Date(1_800_000_015_000);
    const step = totpStep(at);
    const codeAt = (offset: number) => generateTotpCode(secret, new Date(at.getTime() + offset * 30_000));
    expect(matchTotpCode({ secret, code: codeAt(-1), at })).toBe(step - 1);
    expect(matchTotpCode({ secret, code: codeAt(1), at })).toBe(step + 1);
    expect(matchTotpCode({ secret, code: codeAt(-2), at })).toBeNull();
    expect(matchTotpCode({ secret, code: codeAt(-3), at })).toBeNull();
    expect(matchTotpCode({ secret, code: codeAt(0), at, afterStep: step })).toBeNull();
    expect(matchTotpCode({ secret, code: codeAt(1), at, afterStep: step })).toBe(step + 1);
    // A last step beyond the window (the clock went back) refuses everything, without throwing.
    expect(matchTotpCode({ secret, code: codeAt(0), at, afterStep: step + 10 })).toBeNull();
  });

  it("refuses malformed codes without throwing", () => {
    const secret = generateTotpSecret();
    for (const code of ["", "12345", "1234567", "12a456", " 123456"]) expect(matchTotpCode({ secret, code })).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI with the portal's name as issuer", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri({ secret, accountName: "jean@example.com" })).toBe(
      `otpauth://totp/Account%20Portal:jean%40example.com?secret=${secret}&issuer=Account%20Portal`,
    );
  });
});

describe("backup codes", () => {
  it("are eight distinct 8-digit codes, hashed per user, typed with spaces or dashes", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    for (const code of codes) expect(code).toMatch(/^\d{8}$/);
    expect(hashBackupCode("u1", "12345678")).not.toBe(hashBackupCode("u2", "12345678"));
    expect(hashBackupCode("u1", "12345678")).not.toContain("12345678");
    expect(normalizeCode("1234 5678")).toBe("12345678");
    expect(normalizeCode("1234-5678")).toBe("12345678");
  });
});
