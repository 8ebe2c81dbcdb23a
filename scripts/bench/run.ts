/**
 * `npm run bench`: the API benchmarks of issue 10, in one run, on the production build
 * with PostgreSQL. Needs a build (`NEXT_DIST_DIR=.next-x npx next build`) and the local
 * PostgreSQL server; creates and drops its own database. Builds the Next.js floor
 * (scripts/bench/next-floor/, into its own git-ignored .next) when its build is missing or
 * older than its sources.
 *
 *   NEXT_DIST_DIR=.next-wt10b BENCH_PORT=3750 npm run bench
 *
 * Environment: BENCH_PORT (portal; bare floor = +1, cold starts = +2, Next floor = +3),
 * BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), BENCH_DB (default
 * portal_bench), BENCH_DURATION (seconds per load run, default 8), BENCH_USERS (default
 * 100000), BENCH_EVENTS (default 2000000), BENCH_KEEP_DB=1 to keep the database afterwards,
 * BENCH_FLOOR_REBUILD=1 to rebuild the Next floor even when its build is fresh.
 * Prints markdown and writes artifacts/bench-<date>.md. Exits 1 if a plan has a
 * sequential scan on User, LoginEvent or Session, or a run answered errors; the issue's
 * goals are reported (last table), not enforced.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { bcryptLibrary, verifyPassword } from "@/lib/core/password";
import { explainRouteQueries } from "@/scripts/bench/explain";
import { fmt, load, median, percentile, sleep, start, stop, table, timePages, timeRequests, waitFor200, type LoadResult } from "@/scripts/bench/lib";

const PORT = Number(process.env.BENCH_PORT ?? 3750);
const FLOOR_PORT = PORT + 1;
const COLD_PORT = PORT + 2;
const NEXT_FLOOR_PORT = PORT + 3;
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
const nextVersion = () => (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
/** `appUrl`: the issuer the access tokens are checked against (a cold-start server verifies the main one's). */
const startPortal = (port: number, appUrl?: string) =>
  start(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { ...serverEnv(port), ...(appUrl ? { APP_URL: appUrl } : {}) }, LOG);

// --- The Next.js floor: scripts/bench/next-floor, built with the project's own `next`.
const FLOOR_APP = "scripts/bench/next-floor";
const FLOOR_BUILD_ID = `${FLOOR_APP}/.next/BUILD_ID`;
const FLOOR_SOURCES = [`${FLOOR_APP}/next.config.mjs`, `${FLOOR_APP}/tsconfig.json`, `${FLOOR_APP}/app`, "scripts/bench/floor-work.ts", "node_modules/next/package.json"];

/** The newest modification time of a file or of the files under a folder. */
function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

/** Builds the Next floor unless its build is newer than its sources (and Next itself); says which. */
function buildNextFloor(): string {
  const builtAt = existsSync(FLOOR_BUILD_ID) ? statSync(FLOOR_BUILD_ID).mtimeMs : 0;
  if (builtAt > Math.max(...FLOOR_SOURCES.map(newestChange)) && process.env.BENCH_FLOOR_REBUILD !== "1") {
    return `reused its build of ${new Date(builtAt).toISOString()} (newer than its sources)`;
  }
  // Without NEXT_DIST_DIR: it names the portal's build folder (the floor's is fixed in its next.config.mjs).
  const { NEXT_DIST_DIR: _portalBuild, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const t0 = performance.now();
  // Its output goes to stderr: stdout is the report.
  execFileSync(process.execPath, [nextBin, "build", FLOOR_APP], { env, stdio: ["ignore", 2, 2] });
  return `built in ${fmt((performance.now() - t0) / 1000)} s`;
}

function nextFloorEnv(port: number): NodeJS.ProcessEnv {
  const { NEXT_DIST_DIR: _portalBuild, ...env } = serverEnv(port);
  // Tokens are checked against the portal's issuer, as the bare floor does.
  return { ...env, APP_URL };
}
const startNextFloor = (port: number) => start(process.execPath, [nextBin, "start", FLOOR_APP, "-p", String(port), "-H", "127.0.0.1"], nextFloorEnv(port), LOG);

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

/** An Auth.js browser session for `email` (the credentials callback the login form uses): its Cookie header. */
async function browserSession(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const call = async (pathname: string, init: { method?: string; headers?: Record<string, string>; body?: URLSearchParams } = {}) => {
    const response = await fetch(`${APP_URL}${pathname}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie: cookie() } });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const { csrfToken } = (await (await call("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await call("/api/auth/callback/password", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: "/settings/profile" }),
  });
  await signedIn.arrayBuffer();
  if (signedIn.status !== 302 || !jar.get("authjs.session-token")) throw new Error(`browser sign-in ${email}: ${signedIn.status} ${signedIn.headers.get("location")}`);
  return cookie();
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
  say(`Next floor (${FLOOR_APP}, Next ${nextVersion()}): ${buildNextFloor()}.`);
  say();

  await createDatabase();
  // Made by bcryptjs, like the hashes already stored: the portal verifies them whichever library it uses.
  const hash = await bcrypt.hash(PASSWORD, BCRYPT_COST);
  const seeded = await seed(hash);
  say(`Seeded ${seeded.users} users, ${seeded.events} login events (${HEAVY_EVENTS} for user1), ${seeded.sessions} sessions in ${fmt(seeded.seconds)} s (INSERT ... SELECT generate_series).`);
  say();

  const goals: (string | number)[][] = [];
  let coldToken = "";
  const portal = startPortal(PORT);
  const floor = start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/bench/floor-server.ts"], { ...serverEnv(FLOOR_PORT), PORT: String(FLOOR_PORT), APP_URL }, LOG);
  const nextFloor = startNextFloor(NEXT_FLOOR_PORT);
  const BARE = `http://127.0.0.1:${FLOOR_PORT}`;
  const NEXT_FLOOR = `http://127.0.0.1:${NEXT_FLOOR_PORT}`;
  try {
    const t0 = performance.now();
    await waitFor200(`${APP_URL}/api/health`, t0);
    // 401 without a token: wait until they listen
    await waitFor200(`${BARE}/api/me`, t0, 60_000, 25, true);
    await waitFor200(`${NEXT_FLOOR}/api/me`, t0, 60_000, 25, true);
    await sleep(500);

    // --- GET /api/me: portal vs the two floors
    const token = await login("user2@bench.example");
    const headers = { authorization: `Bearer ${token}` };
    const answers = await Promise.all([APP_URL, BARE, NEXT_FLOOR].map(async (base) => (await fetch(`${base}/api/me`, { headers })).text()));
    if (new Set(answers).size !== 1) problems.push(`the portal's and the floors' answers differ: ${answers.join(" vs ")}`);
    const meRuns = new Map<number, { portal: LoadResult; bare: LoadResult; next: LoadResult }>();
    const measure = async (name: string, url: string, connections: number, runHeaders: Record<string, string> = headers) => {
      await load({ url, headers: runHeaders, connections, duration: 2 });
      const result = await load({ url, headers: runHeaders, connections, duration: DURATION });
      checkRun(`${name} c=${connections}`, result);
      return result;
    };
    const rows: (string | number)[][] = [];
    for (const connections of [1, 10, 50]) {
      const p = await measure("portal /api/me", `${APP_URL}/api/me`, connections);
      const b = await measure("bare floor /api/me", `${BARE}/api/me`, connections);
      const n = await measure("Next floor /api/me", `${NEXT_FLOOR}/api/me`, connections);
      meRuns.set(connections, { portal: p, bare: b, next: n });
      rows.push([
        connections,
        fmt(p.rps, 0),
        fmt(b.rps, 0),
        fmt(n.rps, 0),
        fmt(p.rps / b.rps, 2),
        fmt(p.rps / n.rps, 2),
        `${p.p50} / ${p.p99}`,
        `${b.p50} / ${b.p99}`,
        `${n.p50} / ${n.p99}`,
        fmt(p.p99 / Math.max(b.p99, 0.5), 1),
      ]);
    }
    say("## GET /api/me (bearer token): portal vs the bare floor and the Next floor");
    say(
      `Bare floor: node:http + pg (scripts/bench/floor-server.ts). Next floor: the same work in one route handler of a minimal Next ${nextVersion()} app, no middleware (${FLOOR_APP}). ` +
        "Both run scripts/bench/floor-work.ts: the same token check, one query, a pg.Pool of 10 like the portal's, the same JSON (checked byte-identical to the portal's before measuring). " +
        `autocannon, ${DURATION} s per run after a 2 s warm-up, the three servers one after the other; latencies in ms (autocannon's integer ms).`,
    );
    say();
    say(
      table(
        ["connections", "portal req/s", "bare req/s", "Next req/s", "portal/bare", "portal/Next", "portal p50 / p99", "bare p50 / p99", "Next p50 / p99", "p99 portal/bare"],
        rows,
      ),
    );
    say();
    const ratiosToNext = [1, 10, 50].map((c) => meRuns.get(c)!.portal.rps / meRuns.get(c)!.next.rps);
    const at50 = meRuns.get(50)!;
    goals.push([
      "GET /api/me throughput ≥ 0.9 × the Next floor's at 1, 10, 50 connections",
      ratiosToNext.map((r) => fmt(r, 2)).join(" / "),
      ratiosToNext.every((r) => r >= 0.9) ? "met" : "not met",
    ]);
    goals.push([
      "GET /api/me p99 at 50 connections ≤ 3 × the bare floor's",
      `${at50.portal.p99} / ${at50.bare.p99} ms = ${fmt(at50.portal.p99 / Math.max(at50.bare.p99, 0.5), 1)} (Next floor: ${at50.next.p99} ms)`,
      at50.portal.p99 <= 3 * at50.bare.p99 ? "met" : "not met",
    ]);

    // --- The routes the seeds call most, with the same token (user2, an ordinary user)
    const HOT_CONNECTIONS = 10;
    const hotRoutes = [
      { route: "/api/auth/me", work: "002: caller check + getProfile (as /api/me)" },
      { route: "/api/users/profile", work: "000: caller check + getProfile, then notification preferences, integrations and the last 10 sign-ins, in parallel" },
      { route: "/api/auth/profile", work: "001: caller check + getProfile" },
      { route: "/api/auth/userinfo", work: "001: caller check + getProfile" },
      { route: "/api/sessions", work: "004: caller check + the user's live sessions" },
    ];
    const floorsAtHot = meRuns.get(HOT_CONNECTIONS)!;
    const hotRow = (route: string, work: string, result: LoadResult) => [
      `GET ${route}`,
      work,
      fmt(result.rps, 0),
      `${result.p50} / ${result.p99}`,
      fmt(result.rps / floorsAtHot.bare.rps, 2),
      fmt(result.rps / floorsAtHot.next.rps, 2),
    ];
    const hotRows = [hotRow("/api/me", "004: caller check + getProfile (the row of the table above)", floorsAtHot.portal)];
    for (const { route, work } of hotRoutes) {
      const probe = await fetch(`${APP_URL}${route}`, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) problems.push(`GET ${route} with the bench token answered ${probe.status}`);
      hotRows.push(hotRow(route, work, await measure(`portal ${route}`, `${APP_URL}${route}`, HOT_CONNECTIONS)));
    }
    say(`## The routes the seeds call most (bearer token, ${HOT_CONNECTIONS} connections), against the floors' GET /api/me`);
    say(
      `Their work differs from the floors' (which do /api/me's: one token check, one query): the ratio says how far each route is from the cheapest possible answer, not from an equivalent one. ` +
        `Floors' /api/me at ${HOT_CONNECTIONS} connections from the table above: bare ${fmt(floorsAtHot.bare.rps, 0)} req/s, Next ${fmt(floorsAtHot.next.rps, 0)} req/s. autocannon, ${DURATION} s per route after a 2 s warm-up.`,
    );
    say();
    say(table(["route", "work per request (seed)", "req/s", "p50 / p99 ms", "ratio to bare floor", "ratio to Next floor"], hotRows));
    say();

    // --- Settings pages: server time, as a signed-in browser (Auth.js cookie), user3
    const PAGE_CONNECTIONS = 10;
    const cookie = await browserSession("user3@bench.example");
    const pageHeaders = { cookie, "accept-language": "fr-FR,fr;q=0.9" };
    const pageRows: (string | number)[][] = [];
    for (const page of ["/settings/profile", "/settings/security", "/settings/notifications", "/settings/integrations", "/settings/developer"]) {
      const probe = await fetch(`${APP_URL}${page}`, { headers: pageHeaders, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status !== 200) problems.push(`GET ${page} as user3 answered ${probe.status} ${probe.headers.get("location") ?? ""}`);
      await timePages(`${APP_URL}${page}`, { headers: pageHeaders, connections: PAGE_CONNECTIONS, durationMs: 2_000 });
      const timed = await timePages(`${APP_URL}${page}`, { headers: pageHeaders, connections: PAGE_CONNECTIONS, durationMs: DURATION * 1000 });
      if (timed.failures) problems.push(`GET ${page}: ${timed.failures} of ${timed.ttfb.length} answers not 200 (${JSON.stringify(timed.statuses)})`);
      pageRows.push([
        `GET ${page}`,
        fmt(timed.ttfb.length / timed.seconds, 0),
        fmt(percentile(timed.ttfb, 50)),
        fmt(percentile(timed.ttfb, 99)),
        fmt(percentile(timed.total, 50)),
        fmt(percentile(timed.total, 99)),
        timed.ttfb.length,
      ]);
    }
    say(`## Settings pages: server time (signed in with the Auth.js cookie, ${PAGE_CONNECTIONS} connections)`);
    say(
      `user3 (an ordinary seeded user: 3 seeded sessions, ~${Math.max(0, Math.floor((EVENTS - HEAVY_EVENTS) / USERS))} login events). Time to first byte = until the status line and headers arrive (Next sends them with the first chunk of the streamed HTML); ` +
        `full answer = until its last byte. ${DURATION} s per page after a 2 s warm-up, keep-alive connections, through the proxy (CSP nonce, database probe) like any page.`,
    );
    say();
    say(table(["page", "req/s", "TTFB p50 ms", "TTFB p99 ms", "full answer p50 ms", "full answer p99 ms", "answers"], pageRows));
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
    const beyondP50 = loginP50 - bcryptP50;
    say(`## Password sign-in (POST /api/auth/login, distinct users, bcrypt cost ${BCRYPT_COST})`);
    say("\"Beyond bcrypt\" is the sign-in's p50 minus the hash verification's p50, measured apart (the verification in this process, on the same library): it includes the HTTP round trip and everything the route does around the hash.");
    say();
    say(
      table(
        ["measure", "p50 ms", "p99 ms"],
        [
          [`verifyPassword alone, ${library} (20 runs, this process)`, fmt(bcryptP50), fmt(percentile(compares, 99))],
          ["sign-in, one at a time (40 requests)", fmt(loginP50), fmt(percentile(signIns.latencies, 99))],
          ["sign-in beyond bcrypt (sign-in − verifyPassword)", fmt(beyondP50), fmt(percentile(signIns.latencies, 99) - percentile(compares, 99))],
          ["overhead ratio sign-in / bcrypt", fmt(loginP50 / bcryptP50, 2), fmt(percentile(signIns.latencies, 99) / percentile(compares, 99), 2)],
        ],
      ),
    );
    say();
    goals.push(["Password sign-in: at most 8 ms beyond the hash verification at p50", `${fmt(beyondP50)} ms (${fmt(loginP50)} − ${fmt(bcryptP50)})`, beyondP50 <= 8 ? "met" : "not met"]);

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
    // For the cold starts below (a fresh one: an access token lives 15 minutes).
    coldToken = await login("user4@bench.example");
  } finally {
    await stop(portal);
    await stop(floor);
    await stop(nextFloor);
  }

  // --- Cold start: from the spawn of `next start` to the first 200, polling every 10 ms
  const coldHeaders = { authorization: `Bearer ${coldToken}` };
  const coldRuns = async (startServer: () => ReturnType<typeof start>, paths: { path: string; headers?: Record<string, string> }[]) => {
    const runs: number[][] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const child = startServer();
      try {
        runs.push(await Promise.all(paths.map(({ path: p, headers }) => waitFor200(`http://127.0.0.1:${COLD_PORT}${p}`, t0, 120_000, 10, false, headers))));
      } finally {
        await stop(child);
      }
      await sleep(500);
    }
    return paths.map((_, index) => runs.map((run) => run[index]!));
  };
  // The portal's cold servers check tokens against the main server's issuer (APP_URL), as the Next floor does.
  const [coldHealth, coldLogin] = await coldRuns(() => startPortal(COLD_PORT, APP_URL), [{ path: "/api/health" }, { path: "/login" }]);
  const [coldMe] = await coldRuns(() => startPortal(COLD_PORT, APP_URL), [{ path: "/api/me", headers: coldHeaders }]);
  const [coldFloor] = await coldRuns(() => startNextFloor(COLD_PORT), [{ path: "/api/me", headers: coldHeaders }]);
  const coldRow = (label: string, times: number[]) => [label, fmt(median(times), 0), fmt(Math.min(...times), 0), fmt(Math.max(...times), 0), times.map((t) => fmt(t, 0)).join(", ")];
  say("## Cold start: spawn of `next start` to the first 200 (5 runs each, polling every 10 ms)");
  say("GET /api/health and GET /login are polled together on the same fresh server; GET /api/me (bearer token) alone on its own fresh servers: its first answer includes loading the route, Prisma's client and the first database connection.");
  say();
  say(
    table(
      ["first 200 of", "median ms", "min ms", "max ms", "runs"],
      [
        coldRow("portal: GET /api/health", coldHealth!),
        coldRow("portal: GET /login", coldLogin!),
        coldRow("portal: GET /api/me (bearer)", coldMe!),
        coldRow(`Next floor: GET /api/me (bearer)`, coldFloor!),
      ],
    ),
  );
  say();
  goals.push([
    "Cold start of the production server to its first answer (no threshold given)",
    `health ${fmt(median(coldHealth!), 0)} ms, /login ${fmt(median(coldLogin!), 0)} ms, /api/me ${fmt(median(coldMe!), 0)} ms (Next floor ${fmt(median(coldFloor!), 0)} ms), medians`,
    "reported",
  ]);
  goals.push(["Server time of each settings page, TTFB p50/p99 at 10 connections (no threshold given)", "see \"Settings pages\"", "reported"]);
  say("## The issue's goals in this run");
  say("Reported, not enforced (the exit code only reflects plans and errors); figures from a busy machine are context only.");
  say();
  say(table(["goal", "measured", "verdict"], goals));
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
