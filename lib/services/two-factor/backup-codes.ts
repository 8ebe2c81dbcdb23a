import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { env } from "@/lib/core/env";
import type { DbTx } from "@/lib/db/client";

export const BACKUP_CODE_COUNT = 8;
const BACKUP_CODE = /^\d{8}$/;

/** Eight random 8-digit codes, shown to the user once. */
export function generateBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(String(randomInt(0, 100_000_000)).padStart(8, "0"));
  return [...codes];
}

/** Users may type "1234 5678" or "1234-5678". */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export function isBackupCodeShape(code: string): boolean {
  return BACKUP_CODE.test(code);
}

/**
 * A keyed hash (HMAC-SHA256, key derived from ENCRYPTION_KEY, salted by the user id): with
 * only 10^8 possible codes a plain sha256 would fall to a brute force of a leaked table in
 * seconds, while bcrypt would cost a hash per stored code on every attempt.
 */
export function hashBackupCode(userId: string, code: string, key: string = env().ENCRYPTION_KEY): string {
  return createHmac("sha256", `backup-code:${key}`).update(`${userId}:${code}`).digest("hex");
}

/** The code's hash under every configured key: codes made before a key rotation still work. */
export function backupCodeHashes(userId: string, code: string): string[] {
  return env().ENCRYPTION_KEYS.map((key) => hashBackupCode(userId, code, key));
}

/** Replaces the user's backup codes with fresh ones (the old ones stop working) and returns them in clear, once. */
export async function replaceBackupCodes(userId: string, db: DbTx, at: Date): Promise<string[]> {
  const codes = generateBackupCodes();
  await db.backupCode.deleteMany({ where: { userId } });
  await db.backupCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashBackupCode(userId, code), createdAt: at })),
  });
  return codes;
}
