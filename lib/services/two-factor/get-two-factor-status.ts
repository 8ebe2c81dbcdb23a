import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";

export type TwoFactorStatus = {
  enabled: boolean;
  /** Set-up started, not yet confirmed. */
  pending: boolean;
  /** Seed 000's `two_factor_method`: "app" when on, null when off. */
  method: string | null;
  enabledAt: Date | null;
  backupCodesRemaining: number;
};

/** What the profiles (000 `two_factor_*`, 004 `twoFactorEnabled(At)`) and the security page show. */
export async function getTwoFactorStatus(userId: string, db: DbTx = prisma): Promise<TwoFactorStatus> {
  const twoFactor = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, method: true } });
  const enabled = Boolean(twoFactor?.enabledAt);
  const backupCodesRemaining = enabled ? await db.backupCode.count({ where: { userId, usedAt: null } }) : 0;
  return {
    enabled,
    pending: Boolean(twoFactor && !twoFactor.enabledAt),
    method: enabled ? (twoFactor?.method ?? "app") : null,
    enabledAt: twoFactor?.enabledAt ?? null,
    backupCodesRemaining,
  };
}
