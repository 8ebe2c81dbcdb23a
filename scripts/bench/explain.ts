import pg from "pg";

/**
 * Captures the SQL the measured routes really run (a Prisma client with query events,
 * installed as the app's client, driving the same caller check and services the routes
 * call), then EXPLAIN ANALYZEs each statement with its parameters. A sequential scan on
 * User, LoginEvent or Session is a failure: those tables are the big ones.
 */

export type ExplainedQuery = { route: string; sql: string; plan: string; seqScans: string[] };

const BIG_TABLES = ["User", "LoginEvent", "Session"];

export async function explainRouteQueries(options: { databaseUrl: string; accessToken: string }): Promise<ExplainedQuery[]> {
  process.env.DATABASE_URL = options.databaseUrl;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { setDb } = await import("@/lib/db/client");
  const { getCaller } = await import("@/lib/auth/caller");
  const { getProfile } = await import("@/lib/services/profile/get-profile");
  const { listLoginHistory, pageLoginHistory } = await import("@/lib/services/login-events/list-login-history");
  const { listSessions } = await import("@/lib/services/sessions/list-sessions");

  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }), log: [{ emit: "event", level: "query" }] });
  const captured: { sql: string; params: unknown[] }[] = [];
  client.$on("query", (event) => {
    let params: unknown[] = [];
    try {
      params = JSON.parse(event.params) as unknown[];
    } catch {
      // no parameters
    }
    captured.push({ sql: event.query, params });
  });
  setDb(client);

  const request = new Request("http://127.0.0.1/api/me", { headers: { authorization: `Bearer ${options.accessToken}` } });
  const caller = await getCaller(request);
  if (!caller) throw new Error("The bench token does not sign in");
  const userId = caller.user.id;

  const routes: { route: string; run: () => Promise<unknown> }[] = [
    { route: "every route: caller check (session joined to its user)", run: () => getCaller(request) },
    { route: "GET /api/me, /api/auth/me, /api/auth/profile, /api/auth/userinfo: getProfile (user joined to 2FA and accounts)", run: () => getProfile(userId) },
    { route: "GET /api/me/history: page", run: () => pageLoginHistory({ userId, limit: 10, offset: 0 }) },
    { route: "GET /api/users/profile/login-history", run: () => listLoginHistory({ userId, limit: 50, offset: 0 }) },
    { route: "GET /api/sessions", run: () => listSessions({ userId }) },
  ];

  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const results: ExplainedQuery[] = [];
  try {
    for (const { route, run } of routes) {
      captured.length = 0;
      await run();
      const statements = captured.filter((q) => /^\s*(SELECT|UPDATE|WITH)/i.test(q.sql));
      for (const statement of statements) {
        const explain = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
        const plan = explain.rows.map((r) => r["QUERY PLAN"]).join("\n");
        const seqScans = BIG_TABLES.filter((t) => new RegExp(`Seq Scan on "?(public"?\\.)?"?${t}"?\\b`).test(plan));
        results.push({ route, sql: statement.sql, plan, seqScans });
      }
    }
  } finally {
    await db.end();
    await client.$disconnect();
  }
  return results;
}
