import "server-only";
import pg from "pg";

/**
 * Whether the PostgreSQL server answers, asked by proxy.ts before a page renders. A server
 * component cannot choose its status: a page whose database is down would be Next's 500
 * error page. The proxy answers those 503 with Retry-After instead, as the API does.
 *
 * Cheap on the request path: a success is trusted for HEALTHY_FOR_MS, so an instance sends
 * at most one `SELECT 1` per window whatever its traffic, and concurrent callers share the
 * probe in flight. A failure is not remembered: the next request probes again, so recovery
 * shows at once. A render that meets an unreachable database forgets the success at once
 * (instrumentation.ts, `forgetDatabaseReachable`), so the window only matters on a platform
 * where the proxy runs in another process than the pages.
 *
 * The state is a cache of an observation, on globalThis because the proxy and the pages are
 * separate bundles in one process; losing it (a new serverless instance) costs one probe.
 */
export const HEALTHY_FOR_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;

type ReachabilityState = { pool?: pg.Pool; url?: string; healthyUntil: number; probe?: Promise<boolean> };
const globalState = globalThis as unknown as { __portalDbReachability?: ReachabilityState };
const state = (globalState.__portalDbReachability ??= { healthyUntil: 0 });

function poolFor(url: string): pg.Pool {
  if (state.pool && state.url === url) return state.pool;
  void state.pool?.end().catch(() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by a restarting server is reported here; the next probe
  // simply reconnects. Unhandled, it would end the process.
  pool.on("error", () => undefined);
  state.pool = pool;
  state.url = url;
  return pool;
}

async function probe(url: string): Promise<boolean> {
  try {
    await poolFor(url).query("SELECT 1");
    state.healthyUntil = Date.now() + HEALTHY_FOR_MS;
    return true;
  } catch {
    state.healthyUntil = 0;
    return false;
  }
}

/** Whether the server at `url` answered a query within the last HEALTHY_FOR_MS, or answers now. */
export function isDatabaseReachable(url: string): Promise<boolean> {
  if (Date.now() < state.healthyUntil && state.url === url) return Promise.resolve(true);
  state.probe ??= probe(url).finally(() => {
    state.probe = undefined;
  });
  return state.probe;
}

/** A query failed for want of the database: stop trusting the last success. */
export function forgetDatabaseReachable(): void {
  state.healthyUntil = 0;
}
