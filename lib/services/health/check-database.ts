import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";

/** True when the database answers a trivial query within the timeout. */
export async function checkDatabase(options: { timeoutMs?: number } = {}, db: Db = prisma): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 3000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
