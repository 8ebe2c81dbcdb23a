#!/usr/bin/env node
// Measures the web pages of issue 7 against a running production build:
//   1. the first-load JavaScript of each page: compressed bytes, as served, of every chunk
//      its HTML names (<script src> but nomodule, preloads, and the client components' chunks
//      in the inline RSC payload, which are loaded to hydrate), and
//   2. Lighthouse (performance and accessibility), RUNS times per page, with the medians.
// It installs nothing. Lighthouse 12 comes from a folder of your own, outside the repo:
//   mkdir -p /tmp/lh && cd /tmp/lh && npm init -y >/dev/null && npm install lighthouse@12
//   LIGHTHOUSE_DIR=/tmp/lh node scripts/lighthouse.mjs
// The server (production build, fresh database):
//   npx next build   # or NEXT_DIST_DIR=.next-x npx next build
//   E2E_PORT=3401 E2E_DATA_DIR=.data/e2e-lh node scripts/e2e-server.mjs &
// Options (environment): BASE_URL (http://127.0.0.1:3401), RUNS (3), PRESET (mobile |
// desktop), PAGES (comma-separated paths), JS_ONLY=1 (first-load JavaScript only, no
// Lighthouse), CHROME_PATH (/usr/bin/chromium). Output: a table on stdout, the reports and
// a summary under artifacts/lighthouse/ (ignored by git).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:3401").replace(/\/$/, "");
const RUNS = Number(process.env.RUNS ?? 3);
const PRESET = process.env.PRESET ?? "mobile";
const JS_ONLY = process.env.JS_ONLY === "1";
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const OUT = path.resolve("artifacts/lighthouse");

const SIGNED_OUT = ["/login", "/register", "/forgot-password"];
const SIGNED_IN = ["/settings/profile", "/settings/security", "/settings/notifications", "/settings/integrations"];
const PAGES = process.env.PAGES ? process.env.PAGES.split(",") : [...SIGNED_OUT, ...SIGNED_IN];

function lighthouseCli() {
  const dir = process.env.LIGHTHOUSE_DIR;
  const cli = dir ? path.join(dir, "node_modules/lighthouse/cli/index.js") : null;
  if (cli && existsSync(cli)) return cli;
  console.error(
    [
      "Lighthouse not found. Install it outside the repository and point LIGHTHOUSE_DIR at it:",
      "  mkdir -p /tmp/lh && cd /tmp/lh && npm init -y >/dev/null && npm install lighthouse@12",
      "  LIGHTHOUSE_DIR=/tmp/lh node scripts/lighthouse.mjs",
      "(JS_ONLY=1 measures the first-load JavaScript without Lighthouse.)",
    ].join("\n"),
  );
  process.exit(2);
}

// The server closes idle keep-alive sockets; a request that meets one is tried again.
async function fetchRetry(url, init) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

// --- A signed-in session: a new account through the API, then Auth.js's credentials callback
// (the same one the login form's server action uses), as the e2e helper loginAs does.
const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
async function request(pathname, init = {}) {
  const response = await fetchRetry(BASE_URL + pathname, { ...init, redirect: "manual", headers: { ...init.headers, cookie: cookieHeader() } });
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}

async function signIn() {
  const email = `lighthouse.${Date.now().toString(36)}@example.com`;
  const password = "Portail-Phare-2024!";
  const registered = await request("/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "fr-FR" },
    body: JSON.stringify({ email, password, firstName: "Camille", lastName: "Martin" }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  jar.clear();
  const { csrfToken } = await (await request("/api/auth/csrf")).json();
  const signedIn = await request("/api/auth/callback/password", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/settings/profile" }),
  });
  if (signedIn.status !== 302) throw new Error(`sign-in: ${signedIn.status}`);
  return cookieHeader();
}

// --- First-load JavaScript: what the HTML makes a fresh visitor download, compressed as served.
function compressedSize(url) {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    client
      .get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () => resolve(bytes));
      })
      .on("error", reject);
  });
}

async function firstLoadJs(pathname, cookie) {
  const response = await fetchRetry(BASE_URL + pathname, { redirect: "manual", headers: { cookie: cookie ?? "", "accept-language": "fr-FR" } });
  if (response.status !== 200) throw new Error(`${pathname}: ${response.status}`);
  const html = await response.text();
  // Every chunk the document names: its <script src> and preloads, and the chunks of the
  // client components in the inline RSC payload, which the runtime loads to hydrate. Not the
  // nomodule polyfills (modern browsers skip them).
  const skipped = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src && /\snomodule/i.test(tag)) skipped.add(new URL(src, BASE_URL).pathname);
  }
  const scripts = new Set();
  for (const [, chunk] of html.matchAll(/(?:\/_next\/)?(static\/chunks\/[\w.~-]+\.js)/g)) {
    const url = new URL(`/_next/${chunk}`, BASE_URL);
    if (!skipped.has(url.pathname)) scripts.add(url.href);
  }
  const sizes = await Promise.all([...scripts].map(async (url) => [url, await compressedSize(url)]));
  return { kB: sizes.reduce((sum, [, bytes]) => sum + bytes, 0) / 1024, scripts: sizes.length };
}

// --- Lighthouse.
const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

function runLighthouse(cli, pathname, run, headersFile) {
  const name = `${PRESET}-${pathname.replaceAll("/", "_").replace(/^_/, "")}-${run}`;
  const output = path.join(OUT, `${name}.json`);
  const args = [
    cli,
    BASE_URL + pathname,
    "--only-categories=performance,accessibility",
    "--output=json",
    `--output-path=${output}`,
    "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync",
  ];
  if (PRESET === "desktop") args.push("--preset=desktop");
  if (headersFile) args.push(`--extra-headers=${headersFile}`);
  const result = spawnSync(process.execPath, args, { env: { ...process.env, CHROME_PATH }, stdio: ["ignore", "ignore", "pipe"], timeout: 180_000 });
  if (result.status !== 0 || !existsSync(output)) throw new Error(`lighthouse ${pathname}: ${result.stderr?.toString().slice(-500)}`);
  const report = JSON.parse(readFileSync(output, "utf8"));
  const audit = (id) => report.audits[id]?.numericValue ?? null;
  const failed = Object.values(report.categories.accessibility.auditRefs)
    .map((ref) => report.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => a.id);
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    finalUrl: report.finalDisplayedUrl,
    a11yFailures: failed,
  };
}

mkdirSync(OUT, { recursive: true });
const cli = JS_ONLY ? null : lighthouseCli();
const health = await fetch(`${BASE_URL}/api/health`).catch(() => null);
if (!health?.ok) {
  console.error(`No server at ${BASE_URL}. Start one: E2E_PORT=3401 E2E_DATA_DIR=.data/e2e-lh node scripts/e2e-server.mjs &`);
  process.exit(2);
}
const cookie = await signIn();
const headersFile = path.join(OUT, "signed-in-headers.json");
writeFileSync(headersFile, JSON.stringify({ Cookie: cookie }));

const loadBefore = os.loadavg();
const rows = [];
for (const pathname of PAGES) {
  const signedIn = pathname.startsWith("/settings");
  const js = await firstLoadJs(pathname, signedIn ? cookie : undefined);
  const runs = [];
  if (cli) {
    for (let run = 1; run <= RUNS; run += 1) runs.push(runLighthouse(cli, pathname, run, signedIn ? headersFile : undefined));
    const redirected = runs.find((r) => !r.finalUrl.endsWith(pathname));
    if (redirected) throw new Error(`${pathname} ended at ${redirected.finalUrl} (signed out?)`);
  }
  const row = {
    page: pathname,
    firstLoadJsKB: Number(js.kB.toFixed(1)),
    scripts: js.scripts,
    ...(cli
      ? {
          performance: median(runs.map((r) => r.performance)),
          accessibility: median(runs.map((r) => r.accessibility)),
          lcpMs: Math.round(median(runs.map((r) => r.lcp))),
          tbtMs: Math.round(median(runs.map((r) => r.tbt))),
          fcpMs: Math.round(median(runs.map((r) => r.fcp))),
          cls: Number(median(runs.map((r) => r.cls)).toFixed(3)),
          runs: runs.map((r) => r.performance).join("/"),
          a11yFailures: [...new Set(runs.flatMap((r) => r.a11yFailures))].join(",") || undefined,
        }
      : {}),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
const summary = { date: new Date().toISOString(), baseUrl: BASE_URL, preset: cli ? PRESET : null, runs: cli ? RUNS : 0, loadAverage: { before: loadBefore, after: os.loadavg() }, cpus: os.cpus().length, rows };
writeFileSync(path.join(OUT, `summary-${cli ? PRESET : "js"}.json`), JSON.stringify(summary, null, 2));
console.table(rows);
console.log(`load average before ${loadBefore.map((v) => v.toFixed(2)).join(" ")}, after ${summary.loadAverage.after.map((v) => v.toFixed(2)).join(" ")} (${summary.cpus} CPUs)`);
