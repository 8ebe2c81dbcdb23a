#!/usr/bin/env node
// Fault test: PostgreSQL restarted under load, against the production build.
//
//   NEXT_DIST_DIR=.next-x node scripts/fault-postgres-restart.mjs   (after `next build`)
//
// It makes a throwaway PostgreSQL cluster of its own (initdb as the postgres user, a free
// port, a temp folder: the machine's shared server is never touched), migrates it, starts
// `next start` on it, and runs a load of authenticated reads (GET /api/me), acknowledged
// writes (PATCH /api/auth/me with an increasing `hoursSaved`, one account per writer) and
// sign-ins (POST /api/auth/login). PostgreSQL is stopped for DOWN_MS, then started again.
// It checks and prints:
//   - while it is down, no request got a 200 (every API answer is a 503 in the envelope, and
//     the signed-in settings page is never served: from 1 s into the outage it is the proxy's
//     503 page with Retry-After);
//   - after it is back, the app answers 200 again without a restart (time to recover);
//   - every write acknowledged with 2xx is in the database, and every acknowledged sign-in's
//     session row exists.
// Exit code 0 when all hold, 1 otherwise.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const UP_BEFORE_MS = Number(process.env.FAULT_UP_BEFORE_MS ?? 4000);
const DOWN_MS = Number(process.env.FAULT_DOWN_MS ?? 5000);
const UP_AFTER_MS = Number(process.env.FAULT_UP_AFTER_MS ?? 8000);
const READERS = 4;
const WRITERS = 4;
const PASSWORD = "Fault-Restart-Pass-2024!";

const pgBin = (() => {
  const versions = spawnSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("No PostgreSQL under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
})();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (command, args) => {
  const result = spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "pg-fault-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const dbPort = await freePort();
  const appPort = await freePort();
  const pgctl = (...args) => asPostgres(`${pgBin}/pg_ctl`, ["-D", data, ...args]);
  let server;
  const log = (message) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
  try {
    asPostgres(`${pgBin}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const startPg = () => pgctl("-o", `-p ${dbPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(dir, "log"), "-w", "start");
    startPg();
    const admin = new pg.Client({ host: "127.0.0.1", port: dbPort, user: "postgres", database: "postgres" });
    await admin.connect();
    await admin.query("CREATE DATABASE portal");
    await admin.end();
    const DATABASE_URL = `postgresql://postgres@127.0.0.1:${dbPort}/portal`;
    log(`throwaway PostgreSQL on port ${dbPort} (${data})`);

    // Production with a DATABASE_URL refuses to start without real secrets: this run makes its own.
    const env = { ...process.env, DATABASE_URL, AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64"), APP_URL: `http://127.0.0.1:${appPort}`, PORT: String(appPort), AUTH_TRUST_HOST: "true", LOG_LEVEL: "error", MAIL_OUTBOX_DIR: path.join(dir, "outbox"), UPLOAD_DIR: path.join(dir, "uploads") };
    const migrate = spawnSync("npx", ["tsx", "--import", "./scripts/server-only-off.mjs", "scripts/db-migrate.ts"], { env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`migration failed: ${migrate.stderr}`);
    server = spawn("npx", ["next", "start", "-p", String(appPort), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let serverLog = "";
    server.stdout.on("data", (chunk) => (serverLog += chunk));
    server.stderr.on("data", (chunk) => (serverLog += chunk));
    const base = `http://127.0.0.1:${appPort}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 120) throw new Error(`server did not start:\n${serverLog}`);
      await sleep(500);
    }
    log(`production server on port ${appPort}`);

    // Accounts: one per writer (its counter), one for readers and sign-ins.
    const accounts = [];
    for (let i = 0; i < WRITERS + 1; i++) {
      const email = `fault.${Date.now().toString(36)}.${i}@example.com`;
      const res = await fetch(`${base}/api/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD, firstName: "Fault", lastName: `Writer${i}` }) });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(body)}`);
      accounts.push({ email, token: body.accessToken ?? body.data.tokens.accessToken });
    }
    const reader = accounts[WRITERS];
    // A browser session for the page loop: Auth.js's credentials callback, as the login page posts it.
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = await csrf.json();
    const signIn = await fetch(`${base}/api/auth/callback/password`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
      body: new URLSearchParams({ email: reader.email, password: PASSWORD, csrfToken, callbackUrl: "/settings/profile" }),
    });
    const sessionCookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
    if (!sessionCookie) throw new Error(`browser sign-in failed: ${signIn.status}`);

    let phase = "up-before";
    const results = [];
    let running = true;
    const call = async (kind, worker, request) => {
      const sentPhase = phase;
      const start = Date.now();
      let status = 0;
      let body;
      try {
        const res = await request();
        status = res.status;
        body = await res.json().catch(() => undefined);
      } catch {
        status = -1; // no answer (connection error)
      }
      const record = { kind, worker, sentPhase, endPhase: phase, status, body, ms: Date.now() - start, at: start };
      results.push(record);
      return record;
    };
    const auth = (token) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
    const acknowledged = new Map(); // writer -> highest value answered 2xx
    const attempted = new Map();
    const sessionsAcknowledged = [];

    const readerLoop = async (w) => {
      while (running) await call("read", w, () => fetch(`${base}/api/me`, { headers: auth(reader.token) }));
    };
    const writerLoop = async (w) => {
      let value = 0;
      while (running) {
        value += 1;
        attempted.set(w, value);
        const record = await call("write", w, () => fetch(`${base}/api/auth/me`, { method: "PATCH", headers: auth(accounts[w].token), body: JSON.stringify({ hoursSaved: value }) }));
        if (record.status >= 200 && record.status < 300) acknowledged.set(w, value);
      }
    };
    const loginLoop = async () => {
      while (running) {
        const record = await call("login", 0, () => fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: reader.email, password: PASSWORD }) }));
        if (record.status === 200) {
          const token = record.body?.accessToken ?? record.body?.data?.tokens?.accessToken;
          const sid = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).sid;
          sessionsAcknowledged.push(sid);
        }
        await sleep(100);
      }
    };
    const pageLoop = async () => {
      while (running) {
        await call("page", 0, async () => {
          const res = await fetch(`${base}/settings/profile`, { redirect: "manual", headers: { cookie: sessionCookie } });
          // Not JSON: keep the status and whether it says when to retry.
          const retryAfter = res.headers.get("retry-after");
          const html = (res.headers.get("content-type") ?? "").startsWith("text/html");
          return { status: res.status, json: async () => ({ retryAfter, html }) };
        });
        await sleep(100);
      }
    };
    const loops = [pageLoop(), ...Array.from({ length: READERS }, (_, i) => readerLoop(i)), ...Array.from({ length: WRITERS }, (_, i) => writerLoop(i)), loginLoop()];

    await sleep(UP_BEFORE_MS);
    phase = "stopping";
    log("stopping PostgreSQL (fast shutdown)");
    pgctl("-m", "fast", "-w", "stop");
    phase = "down";
    const downAt = Date.now();
    await sleep(DOWN_MS);
    phase = "starting";
    log("starting PostgreSQL again");
    startPg();
    phase = "up-after";
    const upAt = Date.now();
    await sleep(UP_AFTER_MS);
    running = false;
    await Promise.all(loops);

    // Verdicts.
    const pages = results.filter((r) => r.kind === "page");
    const down = results.filter((r) => r.sentPhase === "down" && r.endPhase === "down" && r.kind !== "page");
    const pagesDown = pages.filter((r) => r.sentPhase === "down" && r.endPhase === "down");
    // The proxy trusts a successful probe for up to 1 s (lib/db/reachability.ts): from then
    // on every page must be the 503 page, with Retry-After.
    const pagesDownSettled = pagesDown.filter((r) => r.at >= downAt + 1000);
    const pagesDownNot503 = pagesDownSettled.filter((r) => r.status !== 503 || !r.body?.retryAfter || !r.body?.html);
    const downCounts = tally(down);
    const downOk = down.filter((r) => r.status === 200 || (r.status >= 200 && r.status < 300));
    const down503 = down.filter((r) => r.status === 503 && r.body?.error === "SERVICE_UNAVAILABLE");
    const firstOkAfter = results.filter((r) => r.at >= upAt && r.status === 200).sort((a, b) => a.at - b.at)[0];
    const after = results.filter((r) => r.sentPhase === "up-after" && r.at >= upAt + 3000);
    const verify = new pg.Client({ connectionString: DATABASE_URL });
    await verify.connect();
    const lost = [];
    for (let w = 0; w < WRITERS; w++) {
      const { rows } = await verify.query(`SELECT "hoursSaved" FROM "User" WHERE email = $1`, [accounts[w].email]);
      const stored = rows[0]?.hoursSaved ?? -1;
      const acked = acknowledged.get(w) ?? 0;
      if (stored < acked) lost.push({ writer: w, acked, stored });
      log(`writer ${w}: ${attempted.get(w)} attempted, highest acknowledged ${acked}, stored ${stored}`);
    }
    const { rows: sessionRows } = await verify.query(`SELECT id FROM "Session" WHERE id = ANY($1)`, [sessionsAcknowledged]);
    await verify.end();
    const writesAcked = results.filter((r) => r.kind === "write" && r.status >= 200 && r.status < 300).length;

    console.log("\n== PostgreSQL restart under load ==");
    console.log(`requests: ${results.length} in ${Math.round((Date.now() - downAt + UP_BEFORE_MS) / 1000)} s (${READERS} readers, ${WRITERS} writers, 1 sign-in loop, 1 settings-page loop)`);
    console.log(`before the stop: ${JSON.stringify(tally(results.filter((r) => r.sentPhase === "up-before" && r.endPhase === "up-before")))}`);
    console.log(`while down (${DOWN_MS} ms): ${down.length} answers ${JSON.stringify(downCounts)}; 2xx: ${downOk.length}; 503 SERVICE_UNAVAILABLE: ${down503.length}`);
    console.log(`settings page (signed-in cookie): before ${JSON.stringify(tally(pages.filter((r) => r.sentPhase === "up-before")))}, while down ${JSON.stringify(tally(pagesDown))} (from +1 s: ${JSON.stringify(tally(pagesDownSettled))}, every 503 with Retry-After: ${pagesDownNot503.length === 0}), from +3 s after ${JSON.stringify(tally(pages.filter((r) => r.sentPhase === "up-after" && r.at >= upAt + 3000)))}`);
    console.log(`after the start: first 200 ${firstOkAfter ? `${firstOkAfter.at - upAt} ms` : "never"} after PostgreSQL was back; from +3 s: ${JSON.stringify(tally(after))}`);
    console.log(`writes acknowledged (2xx): ${writesAcked}; writers whose stored value is below their highest acknowledged one: ${lost.length}`);
    console.log(`sign-ins acknowledged (200): ${sessionsAcknowledged.length}; their session rows in the database: ${sessionRows.length}`);

    const failures = [];
    if (down.length === 0) failures.push("no request was answered while PostgreSQL was down");
    if (downOk.length) failures.push(`${downOk.length} success answers while PostgreSQL was down`);
    if (down503.length !== down.length) failures.push(`${down.length - down503.length} answers while down were not 503 SERVICE_UNAVAILABLE`);
    if (!firstOkAfter) failures.push("the app did not recover");
    if (pagesDown.some((r) => r.status === 200)) failures.push("the settings page answered 200 while PostgreSQL was down");
    if (!pagesDownSettled.length) failures.push("no settings page was requested while PostgreSQL was down");
    if (pagesDownNot503.length) failures.push(`${pagesDownNot503.length} settings-page answers from 1 s into the outage were not 503 with Retry-After: ${JSON.stringify(tally(pagesDownNot503))}`);
    if (!pages.some((r) => r.sentPhase === "up-after" && r.status === 200)) failures.push("the settings page did not recover");
    if (after.some((r) => r.status !== 200)) failures.push("answers other than 200 more than 3 s after PostgreSQL was back");
    if (lost.length) failures.push(`acknowledged writes lost: ${JSON.stringify(lost)}`);
    if (sessionRows.length !== sessionsAcknowledged.length) failures.push("acknowledged sign-ins without a session row");
    console.log(failures.length ? `\nFAILED:\n- ${failures.join("\n- ")}` : "\nPASSED: no 2xx while down, recovered without a restart, no acknowledged write lost");
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    try {
      pgctl("-m", "immediate", "-w", "stop");
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function tally(records) {
  const counts = {};
  for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
