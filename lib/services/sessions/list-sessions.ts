import { now } from "@/lib/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Session } from "@/lib/generated/prisma/client";

/** The user's live sessions (neither revoked nor expired), most recently used first. */
export async function listSessions(options: { userId: string }, db: DbTx = prisma): Promise<Session[]> {
  return db.session.findMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: now() } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
}
