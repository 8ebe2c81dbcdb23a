import "server-only";
import { AppError } from "@/lib/core/errors";
import { prisma } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { findLiveToken } from "@/lib/services/verification/one-time-token";

/** The account a live reset link belongs to, without using the link (003 `verify/:token`, the reset page). */
export async function checkPasswordResetToken(options: { token: string }): Promise<User> {
  const row = await findLiveToken("PASSWORD_RESET", options.token);
  const user = row?.userId ? await prisma.user.findUnique({ where: { id: row.userId } }) : null;
  if (!user || !user.active) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
  return user;
}
