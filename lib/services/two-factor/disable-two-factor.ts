import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma, type Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertIdentityProof, type IdentityProof } from "@/lib/services/two-factor/identity-proof";
import { notifyTwoFactorChange } from "@/lib/services/two-factor/notify-two-factor-change";

/**
 * Turns 2FA off after a current code or a recent sign-in (docs/contracts/README.md "Two-factor authentication"): the secret and
 * every backup code are deleted, an audit event written and the user told by email.
 */
export async function disableTwoFactor(
  options: { userId: string; proof: IdentityProof; client: ClientInfo; locale: Locale },
  db: Db = prisma,
): Promise<void> {
  const { userId } = options;
  const twoFactor = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, method: true } });
  if (!twoFactor?.enabledAt) throw new AppError("TWO_FACTOR_NOT_ENABLED");
  await assertIdentityProof(userId, options.proof, db);

  const user = await db.$transaction(async (tx) => {
    const { count } = await tx.twoFactor.deleteMany({ where: { userId, enabledAt: { not: null } } });
    if (count !== 1) throw new AppError("TWO_FACTOR_NOT_ENABLED");
    await tx.backupCode.deleteMany({ where: { userId } });
    await recordAuditEvent(
      { userId, type: "TWO_FACTOR_DISABLED", client: options.client, metadata: { proof: "code" in options.proof ? "code" : "recent-sign-in" } },
      tx,
    );
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
  });
  await notifyTwoFactorChange(user, "disabled", options.locale);
}
