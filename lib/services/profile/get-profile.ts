import "server-only";
import { AppError } from "@/lib/core/errors";
import { prisma, type DbTx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";

/** One user as every family's mapper reads it. */
export type Profile = {
  user: User;
  twoFactor: { method: string; enabledAt: Date | null } | null;
  socialAccounts: { provider: string; linkedAt: Date }[];
};

/** The caller's profile, in one statement; USER_NOT_FOUND if the account vanished meanwhile. */
export async function getProfile(userId: string, db: DbTx = prisma): Promise<Profile> {
  const row = await db.user.findUnique({
    where: { id: userId },
    relationLoadStrategy: "join",
    include: {
      twoFactor: { select: { method: true, enabledAt: true } },
      accounts: { select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new AppError("USER_NOT_FOUND");
  const { twoFactor, accounts, ...user } = row;
  return { user, twoFactor, socialAccounts: accounts.map((a) => ({ provider: a.provider, linkedAt: a.createdAt })) };
}
