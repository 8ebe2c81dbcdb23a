import { prisma, type DbTx } from "@/lib/db/client";
import type { LoginEvent } from "@/lib/generated/prisma/client";

/** A page of the user's sign-in attempts, newest first, with the total for paging. */
export async function listLoginHistory(
  options: { userId: string; limit: number; offset: number },
  db: DbTx = prisma,
): Promise<{ events: LoginEvent[]; total: number }> {
  const where = { userId: options.userId };
  const [events, total] = await Promise.all([
    db.loginEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit, skip: options.offset }),
    db.loginEvent.count({ where }),
  ]);
  return { events, total };
}
