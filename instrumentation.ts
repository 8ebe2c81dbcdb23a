import type { Instrumentation } from "next";

/** Runs once when a server instance starts: a bad environment stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
  }
}

/**
 * A page that failed because the database is unreachable: the proxy stops trusting its last
 * successful probe, so the next page request answers 503 instead of rendering another 500.
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { forgetDatabaseReachable }] = await Promise.all([import("./lib/db/unavailable"), import("./lib/db/reachability")]);
  if (isDatabaseUnavailable(error)) forgetDatabaseReachable();
};
