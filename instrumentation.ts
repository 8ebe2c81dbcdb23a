import type { Instrumentation } from "next";

/**
 * Runs once when a server instance starts: a bad environment (a missing or weak secret in
 * production, say) ends the process with a message naming the variable. Throwing is not
 * enough: Next logs it and keeps a server up that answers nothing.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { enforceEnvironmentAtStartup } = await import("./lib/core/startup-check");
    enforceEnvironmentAtStartup();
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
