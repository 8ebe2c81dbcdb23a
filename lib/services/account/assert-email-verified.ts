import "server-only";
import { AppError } from "@/lib/core/errors";
import { prisma, type DbTx } from "@/lib/db/client";

/**
 * Long-lived credentials (personal access tokens, OAuth apps) need a proven address: an
 * account opened with someone else's email must not be able to create keys that the
 * address's real owner would not know to revoke. 403 EMAIL_NOT_VERIFIED otherwise.
 */
export async function assertEmailVerified(userId: string, db: DbTx = prisma): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (!user.emailVerified) throw new AppError("EMAIL_NOT_VERIFIED");
}
