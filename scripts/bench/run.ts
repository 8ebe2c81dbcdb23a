/**
 * `npm run bench`: the API benchmarks of issue 10, in one run, on the production build
 * with PostgreSQL. Needs a build (`NEXT_DIST_DIR=.next-x npx next build`) and the local
 * PostgreSQL server; creates and drops its own database.
 *
 *   NEXT_DIST_DIR=.next-wt10b BENCH_PORT=3750 npm run bench
 *
 * Environment: BENCH_PORT (portal; floor = +1, cold starts = +2), BENCH_PG (server URL,
 * default postgres://postgres@127.0.0.1:5432), BENCH_DB (default portal_bench),
 * BENCH_DURATION (seconds per load run, default 8), BENCH_USERS (default 100000),
 * BENCH_EVENTS (default 2000000), BENCH_KEEP_DB=1 to keep the database afterwards.
 * Prints markdown and writes artifacts/bench-<date>.md. Exits 1 if a plan has a
 * sequential scan on User, LoginEvent or Session, or a run answered errors.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import bcrypt from "bcryptjs";
import pg from "pg";
import { bcryptLibrary, verifyPassword } from "@/lib/core/password";
import { explainRouteQueries } from "@/scripts/bench/explain";
import { fmt, load, median, percentile, sleep, start, stop, table, timeRequests, waitFor200, type LoadResult } from "@/scripts/bench/lib";

const PORT = Number(process.env.BENCH_PORT ?? 3750);
const FLOOR_PORT = PORT + 1;
const COLD_PORT = PORT + 2;
const PG_SERVER = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, "");
const DB_NAME = process.env.BENCH_DB ?? "portal_bench";
const DATABASE_URL = `${PG_SERVER}/${DB_NAME}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const HEAVY_EVENTS = 50_000;
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const BCRYPT_COST = Number(process.env.BCRYPT_COST ?? 10);
const PASSWORD = "Bench-Passphrase-1!";
const AUTH_SECRET = randomBytes(32).toString("base64");
// Production with a DATABASE_URL refuses to start without both secrets (lib/core/env.ts).
const ENCRYPTION_KEY = randomBytes(32).toString("base64");
const APP_URL = `http://127.0.0.1:${PORT}`;
const LOG = `/tmp/bench-${DB_NAME}-server.log`;

const out: string[] = [];
const say = (text = "") => {
  out.push(text);
  console.log(text);
};
const problems: string[] = [];

function serverEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL,
    AUTH_SECRET,
    ENCRYPTION_KEY,
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_TRUST_HOST: "true",
    BCRYPT_COST: String(BCRYPT_COST),
    PORT: String(port),
    MAIL_OUTBOX_DIR: `.data/bench/outbox`,
    UPLOAD_DIR: `.data/bench/uploads`,
    LOG_LEVEL: "warn",
  };
}

const nextBin = "node_modules/next/dist/bin/next";
const startPortal = (port: number) => start(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], serverEnv(port), LOG);

function machine(): string {
  const cpus = os.cpus();
  let pgVersion = "";
  try {
    pgVersion = execFileSync("psql", [`${PG_SERVER}/postgres`, "-tAc", "show server_version"], { encoding: "utf8" }).trim();
  } catch {
    pgVersion = "unknown";
  }
  return [
    `- CPU: ${cpus.length} x ${cpus[0]?.model ?? "?"}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- load average (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}; \`uptime\`: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`,
    `- Node ${process.version}, PostgreSQL ${pgVersion}, bcrypt cost ${BCRYPT_COST}, build ${DIST_DIR} (\`next start\`)`,
  ].join("\n");
}

async function admin<T>(fn: (db: pg.Client) => Promise<T>, database = "postgres"): Promise<T> {
  const db = new pg.Client({ connectionString: `${PG_SERVER}/${database}` });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

async function createDatabase() {
  await admin(async (db) => {
    await db.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await db.query(`CREATE DATABASE ${DB_NAME}`);
  });
  // As `npm run db:migrate`: the migration reaches modules marked server-only.
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--import", "./scripts/server-only-off.mjs", "scripts/db-migrate.ts"], { env: { ...process.env, DATABASE_URL }, stdio: "inherit" });
}

/** 100,000 users, 2,000,000 login events, three sessions per user, one heavy user (user1). */
async function seed(hash: string): Promise<{ users: number; events: number; sessions: number; seconds: number }> {
  return admin(async (db) => {
    const t0 = performance.now();
    await db.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "firstName", "lastName", "emailVerified", "createdAt", "updatedAt")
       SELECT 'u' || g, 'user' || g || '@bench.example', $1, 'User ' || g, 'First', 'Last', now(), now() - g * interval '1 minute', now()
         FROM generate_series(1, $2::int) g`,
      [hash, USERS],
    );
    const spread = EVENTS - HEAVY_EVENTS;
    await db.query(
      `INSERT INTO "LoginEvent" (id, "userId", email, success, reason, method, "ipAddress", "userAgent", "deviceLabel", location, "createdAt")
       SELECT 'e' || g, 'u' || (1 + g % $2::int), 'user' || (1 + g % $2::int) || '@bench.example', g % 9 <> 0,
              CASE WHEN g % 9 = 0 THEN 'INVALID_CREDENTIALS' END, 'password',
              '10.' || (g % 250) || '.' || (g % 199) || '.' || (g % 97), 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', 'Chrome/Linux', 'Paris, France',
              now() - g * interval '7 seconds'
         FROM generate_series(1, $1::int) g`,
      [spread, USERS],
    );
    await db.query(
      `INSERT INTO "LoginEvent" (id, "userId", email, success, method, "ipAddress", "userAgent", "deviceLabel", "createdAt")
       SELECT 'h' || g, 'u1', 'user1@bench.example', true, 'password', '10.1.2.3', 'Mozilla/5.0 Firefox/140.0', 'Firefox/Linux', now() - g * interval '3 minutes'
         FROM generate_series(1, $1::int) g`,
      [HEAVY_EVENTS],
    );
    await db.query(
      `INSERT INTO "Session" (id, "userId", kind, "refreshTokenHash", scopes, "userAgent", "ipAddress", "deviceLabel", method, "createdAt", "lastSeenAt", "expiresAt", "revokedAt")
       SELECT 's' || g, 'u' || (1 + g % $1::int), 'API', md5('s' || g), ARRAY['openid','profile','email','account'], 'Mozilla/5.0', '10.0.0.1', 'Chrome/Linux', 'password',
              now() - g * interval '1 minute', now() - g * interval '30 seconds',
              CASE WHEN g % 5 = 0 THEN now() - interval '1 day' ELSE now() + interval '30 days' END,
              CASE WHEN g % 3 = 0 THEN now() END
         FROM generate_series(1, $1::int * 3) g`,
      [USERS],
    );
    // The heavy user also has many sessions, most of them dead.
    await db.query(
      `INSERT INTO "Session" (id, "userId", kind, scopes, method, "createdAt", "lastSeenAt", "expiresAt", "revokedAt")
       SELECT 'hs' || g, 'u1', 'API', ARRAY['openid','profile','email','account'], 'password', now() - g * interval '1 hour', now() - g * interval '1 hour',
              now() + interval '30 days', CASE WHEN g > 40 THEN now() END
         FROM generate_series(1, 2000) g`,
    );
    await db.query("VACUUM ANALYZE");
    const counts = await db.query<{ users: string; events: string; sessions: string }>(
      `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "LoginEvent") AS events, (SELECT count(*) FROM "Session") AS sessions`,
    );
    const row = counts.rows[0]!;
    return { users: Number(row.users), events: Number(row.events), sessions: Number(row.sessions), seconds: (performance.now() - t0) / 1000 };
  }, DB_NAME);
}

async function login(email: string): Promise<string> {
  const response = await fetch(`${APP_URL}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

function checkRun(name: string, result: LoadResult) {
  if (result.non2xx || result.errors) problems.push(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors of ${result.total}`);
}

async function main() {
  // The plans harness (explain.ts) runs the app's own caller check in this process: it
  // must verify tokens exactly as the servers do.
  Object.assign(process.env, { AUTH_SECRET, ENCRYPTION_KEY, APP_URL, DATABASE_URL, LOG_LEVEL: "warn" });
  const date = new Date().toISOString().slice(0, 10);
  say(`# API benchmarks (issue 10), ${new Date().toISOString()}`);
  say();
  say("## Machine at the start of the run");
  say(machine());
  say();

  await createDatabase();
  // Made by bcryptjs, like the hashes already stored: the portal verifies them whichever library it uses.
  const hash = await bcrypt.hash(PASSWORD, BCRYPT_COST);
  const seeded = await seed(hash);
  say(`Seeded ${seeded.users} users, ${seeded.events} login events (${HEAVY_EVENTS} for user1), ${seeded.sessions} sessions in ${fmt(seeded.seconds)} s (INSERT ... SELECT generate_series).`);
  say();

  const portal = startPortal(PORT);
  const floor = start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/bench/floor-server.ts"], { ...serverEnv(FLOOR_PORT), PORT: String(FLOOR_PORT), APP_URL }, LOG);
  try {
    const t0 = performance.now();
    await waitFor200(`${APP_URL}/api/health`, t0);
    await waitFor200(`http://127.0.0.1:${FLOOR_PORT}/api/me`, t0, 60_000, 25, true); // 401 without a token: wait until it listens
    await sleep(500);

    // --- GET /api/me: portal vs floor
    const token = await login("user2@bench.example");
    const check = await fetch(`http://127.0.0.1:${FLOOR_PORT}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const mine = await fetch(`${APP_URL}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const [floorBody, portalBody] = [await check.json(), await mine.json()];
    if (JSON.stringify(floorBody) !== JSON.stringify(portalBody)) problems.push(`floor and portal answers differ: ${JSON.stringify(floorBody)} vs ${JSON.stringify(portalBody)}`);
    const headers = { authorization: `Bearer ${token}` };
    const rows: (string | number)[][] = [];
    for (const connections of [1, 10, 50]) {
      await load({ url: `${APP_URL}/api/me`, headers, connections, duration: 2 });
      const p = await load({ url: `${APP_URL}/api/me`, headers, connections, duration: DURATION });
      checkRun(`portal /api/me c=${connections}`, p);
      await load({ url: `http://127.0.0.1:${FLOOR_PORT}/api/me`, headers, connections, duration: 2 });
      const f = await load({ url: `http://127.0.0.1:${FLOOR_PORT}/api/me`, headers, connections, duration: DURATION });
      checkRun(`floor /api/me c=${connections}`, f);
      rows.push([connections, fmt(p.rps, 0), fmt(f.rps, 0), fmt(p.rps / f.rps, 2), `${p.p50} / ${p.p99}`, `${f.p50} / ${f.p99}`, fmt(p.p50 / Math.max(f.p50, 0.5), 1)]);
    }
    say("## GET /api/me (bearer token): portal vs floor (bare node:http + pg, same token check and one query)");
    say(`autocannon, ${DURATION} s per run after a 2 s warm-up; latencies in ms (autocannon's integer ms).`);
    say();
    say(table(["connections", "portal req/s", "floor req/s", "throughput portal/floor", "portal p50 / p99", "floor p50 / p99", "p50 ratio portal/floor"], rows));
    say();

    // --- Password sign-in: the comparison alone, with the portal's own function (and library)
    const library = await bcryptLibrary();
    const compares: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      if (!(await verifyPassword(PASSWORD, hash))) problems.push("verifyPassword refused the seeded hash");
      compares.push(performance.now() - t);
    }
    let userIndex = 10;
    const nextUser = () => `user${(userIndex++ % (USERS - 10)) + 10}@bench.example`;
    const signIns = await timeRequests(40, () =>
      fetch(`${APP_URL}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: nextUser(), password: PASSWORD }) }),
    );
    if (signIns.failures) problems.push(`${signIns.failures} sign-ins failed`);
    const bcryptP50 = median(compares);
    const loginP50 = median(signIns.latencies);
    say(`## Password sign-in (POST /api/auth/login, distinct users, bcrypt cost ${BCRYPT_COST})`);
    say();
    say(
      table(
        ["measure", "p50 ms", "p99 ms"],
        [
          [`verifyPassword alone, ${library} (20 runs, this process)`, fmt(bcryptP50), fmt(percentile(compares, 99))],
          ["sign-in, one at a time (40 requests)", fmt(loginP50), fmt(percentile(signIns.latencies, 99))],
          ["overhead ratio sign-in / bcrypt", fmt(loginP50 / bcryptP50, 2), fmt(percentile(signIns.latencies, 99) / percentile(compares, 99), 2)],
        ],
      ),
    );
    say();

    const healthAlone = await load({ url: `${APP_URL}/api/health`, connections: 1, duration: DURATION });
    checkRun("health alone", healthAlone);
    const burstConnections = 10;
    const [healthDuring, burst] = await Promise.all([
      load({ url: `${APP_URL}/api/health`, connections: 1, duration: DURATION }),
      load({
        url: `${APP_URL}/api/auth/login`,
        connections: burstConnections,
        duration: DURATION,
        method: "POST",
        headers: { "content-type": "application/json" },
        requests: [{ method: "POST", setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: nextUser(), password: PASSWORD }) }) }],
      }),
    ]);
    checkRun("health during the burst", healthDuring);
    checkRun("sign-in burst", burst);
    say(`## Event loop during a sign-in burst (${burstConnections} connections signing in for ${DURATION} s, GET /api/health on 1 connection meanwhile)`);
    say();
    say(
      table(
        ["measure", "req/s", "p50 ms", "p99 ms"],
        [
          ["GET /api/health alone", fmt(healthAlone.rps, 0), healthAlone.p50, healthAlone.p99],
          ["GET /api/health during the burst", fmt(healthDuring.rps, 0), healthDuring.p50, healthDuring.p99],
          [`sign-in burst (${burst.total} sign-ins)`, fmt(burst.rps, 1), burst.p50, burst.p99],
        ],
      ),
    );
    say();

    // --- Scale: the heavy user's history, sessions and profile
    const heavy = await login("user1@bench.example");
    const auth = { authorization: `Bearer ${heavy}` };
    const scaleRoutes = ["/api/me", "/api/sessions", "/api/me/history", "/api/me/history?limit=100&offset=0", "/api/users/profile/login-history", "/api/users/profile/login-history?limit=100", "/api/me/history?limit=10&offset=40000"];
    const scaleRows: (string | number)[][] = [];
    for (const route of scaleRoutes) {
      await timeRequests(20, () => fetch(`${APP_URL}${route}`, { headers: auth }));
      const timed = await timeRequests(300, () => fetch(`${APP_URL}${route}`, { headers: auth }), 2);
      if (timed.failures) problems.push(`${route}: ${timed.failures} failures`);
      scaleRows.push([`GET ${route}`, fmt(percentile(timed.latencies, 50)), fmt(percentile(timed.latencies, 95)), fmt(percentile(timed.latencies, 99))]);
    }
    say(`## Scale: ${seeded.users} users, ${seeded.events} login events, ${seeded.sessions} sessions; user1 has ${HEAVY_EVENTS + Math.floor((EVENTS - HEAVY_EVENTS) / USERS)} events and 2,000+ sessions`);
    say("300 requests per route on 2 connections after 20 warm-up requests; ms.");
    say();
    say(table(["route", "p50 ms", "p95 ms", "p99 ms"], scaleRows));
    say();

    // --- Plans
    const plans = await explainRouteQueries({ databaseUrl: DATABASE_URL, accessToken: heavy });
    say("## Query plans of those routes (EXPLAIN ANALYZE of the SQL Prisma sent, captured with its query event)");
    say();
    for (const plan of plans) {
      say(`### ${plan.route}${plan.seqScans.length ? ` — SEQ SCAN on ${plan.seqScans.join(", ")}` : ""}`);
      say("```sql");
      say(plan.sql.replace(/\s+/g, " ").slice(0, 600));
      say("```");
      say("```");
      say(plan.plan);
      say("```");
      if (plan.seqScans.length) problems.push(`Seq Scan on ${plan.seqScans.join(", ")} in ${plan.route}`);
    }
    say();
  } finally {
    await stop(portal);
    await stop(floor);
  }

  // --- Cold start
  const cold: { health: number; page: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const child = startPortal(COLD_PORT);
    try {
      const [health, page] = await Promise.all([
        waitFor200(`http://127.0.0.1:${COLD_PORT}/api/health`, t0, 120_000, 10),
        waitFor200(`http://127.0.0.1:${COLD_PORT}/login`, t0, 120_000, 10),
      ]);
      cold.push({ health, page });
    } finally {
      await stop(child);
    }
    await sleep(500);
  }
  say("## Cold start: spawn of `next start` to the first 200 (5 runs)");
  say();
  say(
    table(
      ["first 200 of", "median ms", "min ms", "max ms", "runs"],
      [
        ["GET /api/health", fmt(median(cold.map((c) => c.health)), 0), fmt(Math.min(...cold.map((c) => c.health)), 0), fmt(Math.max(...cold.map((c) => c.health)), 0), cold.map((c) => fmt(c.health, 0)).join(", ")],
        ["GET /login", fmt(median(cold.map((c) => c.page)), 0), fmt(Math.min(...cold.map((c) => c.page)), 0), fmt(Math.max(...cold.map((c) => c.page)), 0), cold.map((c) => fmt(c.page, 0)).join(", ")],
      ],
    ),
  );
  say();
  say("## Machine at the end of the run");
  say(machine());
  say();
  say(problems.length ? `## PROBLEMS\n${problems.map((p) => `- ${p}`).join("\n")}` : "No problem: every plan uses an index, every request answered 2xx.");

  if (process.env.BENCH_KEEP_DB !== "1") await admin((db) => db.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
  mkdirSync("artifacts", { recursive: true });
  const file = `artifacts/bench-${date}.md`;
  writeFileSync(file, `${out.join("\n")}\n`);
  console.log(`\nwritten to ${file}`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
