import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { decryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { replaceBackupCodes } from "@/lib/services/two-factor/backup-codes";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { notifyTwoFactorChange } from "@/lib/services/two-factor/notify-two-factor-change";
import { matchTotpCode } from "@/lib/services/two-factor/totp";

/**
 * Second step of enabling 2FA: a code from the app proves it holds the pending secret;
 * only then is 2FA on. A wrong code leaves it off. The accepted step is recorded, so the
 * same code cannot then be replayed to sign in.
 *
 * `reissueBackupCodes` replaces the codes stored at set-up with fresh ones returned here,
 * for a flow (seed 004) whose first step does not show them.
 */
export async function confirmTwoFactorSetup(
  options: { userId: string; code: string; client: ClientInfo; locale: Locale; reissueBackupCodes?: boolean },
  db: Db = prisma,
): Promise<{ backupCodes: string[] | null }> {
  const { userId } = options;
  const twoFactor = await db.twoFactor.findUnique({ where: { userId } });
  if (!twoFactor) throw new AppError("TWO_FACTOR_SETUP_REQUIRED");
  if (twoFactor.enabledAt) throw new AppError("TWO_FACTOR_ALREADY_ENABLED");
  // A try of the account's budget (attempt-budget.ts), taken before the code is judged.
  const attempt = await reserveAttempt({ userId, factor: "code" }, db);

  const step = matchTotpCode({ secret: decryptSecret(twoFactor.secretEncrypted), code: options.code });
  if (step === null) throw new AppError("INVALID_2FA_CODE");

  const { user, backupCodes } = await db.$transaction(async (tx) => {
    const at = now();
    // Conditional on the very secret the code was checked against still pending: a set-up
    // restarted meanwhile, or a concurrent confirmation, makes this one fail.
    const { count } = await tx.twoFactor.updateMany({
      where: { userId, enabledAt: null, secretEncrypted: twoFactor.secretEncrypted },
      data: { enabledAt: at, lastUsedStep: step },
    });
    if (count !== 1) {
      const current = await tx.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
      throw new AppError(current?.enabledAt ? "TWO_FACTOR_ALREADY_ENABLED" : "TWO_FACTOR_SETUP_REQUIRED");
    }
    const codes = options.reissueBackupCodes ? await replaceBackupCodes(userId, tx, at) : null;
    await recordAuditEvent({ userId, type: "TWO_FACTOR_ENABLED", client: options.client, metadata: { method: twoFactor.method } }, tx);
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
    return { user: owner, backupCodes: codes };
  });
  // Only this try comes back: a code of the new secret proves no factor the account had.
  await releaseAttempt(attempt, db, { forgive: false });
  await notifyTwoFactorChange(user, "enabled", options.locale);
  return { backupCodes };
}
