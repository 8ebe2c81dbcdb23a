import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken } from "@/lib/services/verification/one-time-token";

/**
 * Consumes a verification link (once, even under concurrent clicks) and marks the address
 * verified. A link sent to an address the account no longer has proves nothing: refused.
 */
export async function verifyEmail(options: { token: string; client: ClientInfo }, db: Db = prisma): Promise<User> {
  return db.$transaction(async (tx) => {
    const row = await consumeOneTimeToken("EMAIL_VERIFY", options.token, tx);
    if (!row) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
    const user = row.userId ? await tx.user.findUnique({ where: { id: row.userId } }) : null;
    if (!user) throw new AppError("USER_NOT_FOUND");
    if (row.target && row.target !== user.email) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
    if (user.emailVerified) return user;
    const verified = await tx.user.update({ where: { id: user.id }, data: { emailVerified: now() } });
    await recordAuditEvent({ userId: user.id, type: "EMAIL_VERIFIED", client: options.client }, tx);
    return verified;
  });
}
