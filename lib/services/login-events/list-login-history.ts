import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import type { LoginEvent } from "@/lib/generated/prisma/client";

export type LoginHistoryEntry = Pick<LoginEvent, "id" | "createdAt" | "success" | "deviceLabel" | "location" | "ipAddress" | "userAgent" | "method">;

/** The user's sign-in attempts, successful or not, newest first. */
export async function listLoginHistory(
  options: { userId: string; limit?: number; offset?: number },
  db: DbTx = prisma,
): Promise<LoginHistoryEntry[]> {
  return db.loginEvent.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    skip: options.offset ?? 0,
    select: { id: true, createdAt: true, success: true, deviceLabel: true, location: true, ipAddress: true, userAgent: true, method: true },
  });
}

/** A page of the history with the total, for clients that page through it. */
export async function pageLoginHistory(
  options: { userId: string; limit: number; offset: number },
  db: DbTx = prisma,
): Promise<{ events: LoginHistoryEntry[]; total: number }> {
  const [events, total] = await Promise.all([listLoginHistory(options, db), db.loginEvent.count({ where: { userId: options.userId } })]);
  return { events, total };
}
