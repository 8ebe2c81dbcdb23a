import "server-only";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Session } from "@/lib/generated/prisma/client";
import { activeSessionWhere } from "@/lib/services/sessions/create-session";

/** The user's live sessions (neither revoked, expired nor idle), most recently used first. */
export async function listSessions(options: { userId: string }, db: DbTx = prisma): Promise<Session[]> {
  return db.session.findMany({
    where: { userId: options.userId, ...activeSessionWhere(now()) },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
}
