import "server-only";
import { now } from "@/lib/core/clock";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { backupCodeHashes, isBackupCodeShape, normalizeCode } from "@/lib/services/two-factor/backup-codes";
import { isTotpCodeShape, matchTotpCode } from "@/lib/services/two-factor/totp";

export type SecondFactor = "totp" | "backup";

/** The factor a code matched; for a backup code, how many unused ones are left after it. */
export type SecondFactorMatch = { factor: "totp" } | { factor: "backup"; backupCodesLeft: number };

/**
 * Which second factor `code` is for a user whose 2FA is on, consuming it; null when it is
 * wrong, already used, or 2FA is off. A TOTP code is accepted only for a time step later
 * than the last accepted one, and a backup code only while unused: both through a
 * conditional UPDATE, so of two concurrent uses of one code exactly one wins.
 */
export async function matchSecondFactor(options: { userId: string; code: string }, db: DbTx = prisma): Promise<SecondFactorMatch | null> {
  const code = normalizeCode(options.code);
  const twoFactor = await db.twoFactor.findUnique({ where: { userId: options.userId } });
  if (!twoFactor?.enabledAt) return null;

  if (isTotpCodeShape(code)) {
    const step = matchTotpCode({ secret: decryptSecret(twoFactor.secretEncrypted), code, afterStep: twoFactor.lastUsedStep });
    if (step === null) return null;
    const { count } = await db.twoFactor.updateMany({
      where: {
        userId: options.userId,
        enabledAt: { not: null },
        secretEncrypted: twoFactor.secretEncrypted,
        OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
      },
      data: { lastUsedStep: step },
    });
    return count === 1 ? { factor: "totp" } : null;
  }

  if (isBackupCodeShape(code)) {
    const { count } = await db.backupCode.updateMany({
      where: { userId: options.userId, codeHash: { in: backupCodeHashes(options.userId, code) }, usedAt: null },
      data: { usedAt: now() },
    });
    if (count !== 1) return null;
    const remaining = await db.backupCode.count({ where: { userId: options.userId, usedAt: null } });
    await recordAuditEvent({ userId: options.userId, type: "BACKUP_CODE_USED", metadata: { remaining } }, db);
    return { factor: "backup", backupCodesLeft: remaining };
  }
  return null;
}
