import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { replaceBackupCodes } from "@/lib/services/two-factor/backup-codes";
import { assertIdentityProof, type IdentityProof } from "@/lib/services/two-factor/identity-proof";
import { notifyTwoFactorChange } from "@/lib/services/two-factor/notify-two-factor-change";

/** Eight new backup codes, returned once; every earlier code, used or not, stops working. */
export async function regenerateBackupCodes(
  options: { userId: string; proof: IdentityProof; client: ClientInfo; locale: Locale },
  db: Db = prisma,
): Promise<{ backupCodes: string[] }> {
  const { userId } = options;
  const twoFactor = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (!twoFactor?.enabledAt) throw new AppError("TWO_FACTOR_NOT_ENABLED");
  await assertIdentityProof(userId, options.proof, db);

  const { user, backupCodes } = await db.$transaction(async (tx) => {
    const codes = await replaceBackupCodes(userId, tx, now());
    await recordAuditEvent({ userId, type: "BACKUP_CODES_REGENERATED", client: options.client }, tx);
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
    return { user: owner, backupCodes: codes };
  });
  await notifyTwoFactorChange(user, "backup-codes-regenerated", options.locale);
  return { backupCodes };
}
