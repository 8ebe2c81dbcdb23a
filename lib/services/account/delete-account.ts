import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { verifyPassword } from "@/lib/core/password";
import { assertSudoGrant, type SudoGrant } from "@/lib/services/auth/sudo-grant";
import { prisma, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { deleteStoredFile, ROW_LOCK_TRANSACTION } from "@/lib/services/avatar/set-avatar";

/**
 * Deletes the account after checking its password: the user row and, by cascade, its
 * sessions (so every token it holds is refused at once), linked accounts, codes and
 * tokens, 2FA, backup codes, sign-in history, preferences and integration connections;
 * then the avatar file. The audit trail keeps only that an account id was deleted.
 * The password check spends the account's attempt budget (attempt-budget.ts): with a stolen
 * access token, five wrong guesses in 15 minutes, then 429, never a deletion by brute force.
 */
export async function deleteAccount(
  options: {
    userId: string;
    password: string;
    client?: ClientInfo;
    /** The caller's sudo grant when within its window: an account without a password (social sign-in only) proves itself by it instead. */
    sudo?: SudoGrant;
  },
  db: Db = prisma,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { id: true, email: true, passwordHash: true, imageKey: true } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (user.passwordHash === null) {
    assertSudoGrant(options.sudo, user.id);
  } else {
    const attempt = await reserveAttempt({ userId: user.id, factor: "password" }, db);
    if (!(await verifyPassword(options.password, user.passwordHash))) throw new AppError("INVALID_PASSWORD");
    await releaseAttempt(attempt, db);
  }

  await db.$transaction(
    async (tx) => {
      // Concurrent deletions queue on the user row; those after the first find no account.
      const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`);
      if (locked.length === 0) throw new AppError("USER_NOT_FOUND");
      await tx.loginEvent.deleteMany({ where: { email: user.email } });
      await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      // oidc-provider's rows (grants, codes, tokens, sessions) have no foreign key to the user.
      await tx.oidcPayload.deleteMany({ where: { accountId: user.id } });
      await tx.user.delete({ where: { id: user.id } });
      await recordAuditEvent({ userId: null, type: "ACCOUNT_DELETED", client: options.client, metadata: { userId: user.id } }, tx);
    },
    ROW_LOCK_TRANSACTION,
  );
  await deleteStoredFile(user.imageKey);
}
