import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { hashPassword } from "@/lib/core/password";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { applyNewPassword, notifyPasswordChanged } from "@/lib/services/password/apply-new-password";
import { consumeOneTimeToken } from "@/lib/services/verification/one-time-token";

/**
 * Sets a new password from a reset link: the link works once (even under concurrent
 * requests), and recovery evicts whoever else held a key: every session (with its refresh
 * token), every personal access token, every OAuth grant and the pending email change end,
 * other reset links die with it, and the owner is told by email what was ended. The link
 * reached the inbox, so it also proves the address.
 */
export async function resetPassword(
  options: { token: string; newPassword: string; client: ClientInfo; locale: Locale },
  db: Db = prisma,
): Promise<{ user: User }> {
  const passwordHash = await hashPassword(options.newPassword);
  const at = now();
  const { user, ended } = await db.$transaction(async (tx) => {
    const row = await consumeOneTimeToken("PASSWORD_RESET", options.token, tx);
    const owner = row?.userId ? await tx.user.findUnique({ where: { id: row.userId } }) : null;
    if (!row || !owner || !owner.active || (row.target && row.target !== owner.email)) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
    return applyNewPassword({ user: owner, passwordHash, at, provesEmail: true, reason: "PASSWORD_RESET", endTokensAndApps: true, client: options.client }, tx);
  });
  await notifyPasswordChanged({ user, at, client: options.client, locale: options.locale, ended });
  return { user };
}
