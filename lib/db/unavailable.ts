import "server-only";
/** Prisma's codes for "could not reach / lost / no free connection / transaction not started in time". */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** node-postgres and system errors of a database that is down or restarting. */
const UNAVAILABLE_DRIVER_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Can't reach database|the database system is (starting up|shutting down)|terminating connection|Unable to start a transaction in the given time|Timed out fetching a new connection|Client has encountered a connection error|DatabaseNotReachable|ConnectionClosed/i;

/** Whether an error means the database cannot be used right now (answered 503, not 500). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const { code, message, cause, kind } = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_DRIVER_CODES.has(code))) return true;
  if (typeof kind === "string" && /NotReachable|ConnectionClosed|TooManyConnections|SocketTimeout/.test(kind)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
