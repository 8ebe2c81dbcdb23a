import "server-only";
import { after } from "next/server";
import { describeError, logger } from "@/lib/core/logger";

/** Deferred tasks started outside a request scope, until they end (see settleDeferredWork). */
const pending = new Set<Promise<void>>();

/**
 * Runs work that the answer must not wait for, or be timed by: inside a Next.js request it
 * runs after the response is sent (`after`, which Vercel keeps alive for it); elsewhere
 * (tests calling handlers in-process) it starts in the background on the next turn of the
 * event loop, as it would once the answer is out, and settleDeferredWork waits for it.
 *
 * Used where a route answers the same whether or not an account exists: the lookups, writes
 * and mail for real accounts would otherwise show in the response time.
 */
export async function afterResponse(task: () => Promise<unknown>): Promise<void> {
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      logger.error("Deferred task failed", describeError(error));
    }
  };
  try {
    after(guarded);
  } catch {
    // Outside a request scope `after` throws at once. Start once the caller's current
    // continuation (the handler building its answer) has run, as after() would.
    const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(guarded)
      .finally(() => pending.delete(running));
    pending.add(running);
  }
}

/**
 * Waits until every task afterResponse started outside a request scope has ended,
 * including tasks those tasks start. The in-process test client calls it after each
 * answer, as a real client would only read its mail after the response.
 */
export async function settleDeferredWork(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
