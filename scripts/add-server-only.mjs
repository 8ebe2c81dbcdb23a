#!/usr/bin/env node
/**
 * Marks the server modules with `import "server-only";` (their first import), so a client
 * component that pulls one in fails the build instead of shipping it to the browser.
 *
 *   node scripts/add-server-only.mjs           writes the imports, then lists what it left alone and why
 *   node scripts/add-server-only.mjs --check   lists only; exits 1 when a module still lacks the import
 *
 * Server modules: every .ts/.tsx file under SERVER_FOLDERS. `server-only` throws wherever the
 * `react-server` condition is not set, so the modules reachable (by a runtime import, followed
 * through the whole repository) from these places are left alone, each listed with its reason:
 * - a "use client" module: Next bundles what it imports for the browser and for server-side
 *   rendering, where `server-only` is a build error;
 * - a program Node runs outside Next that cannot be told to ignore `server-only`: e2e/** and
 *   playwright.config.ts (Playwright loads the specs itself), prisma.config.ts (the Prisma CLI),
 *   next.config.ts (loaded before bundling).
 * No exception is needed for:
 * - vitest: vitest.config.ts aliases `server-only` to tests/support/empty-module.ts;
 * - the tsx programs (scripts/*.ts, and tests/unit/startup-check.test.ts's run of
 *   instrumentation.ts): they run with `tsx --import ./scripts/server-only-off.mjs`, which makes
 *   `server-only` an empty module (package.json's scripts, scripts/test-all.sh). They must:
 *   scripts/openapi.ts and scripts/fuzz.ts import every route's handler, hence nearly every
 *   server module, which would otherwise all be exceptions;
 * - what Next runs: it allows `server-only` in server components, route handlers, server actions,
 *   proxy.ts, instrumentation.ts and pages/api.
 * Type-only imports (`import type`, `export type ... from`) are erased and not followed.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_FOLDERS = [
  "lib/services",
  "lib/auth",
  "lib/oidc",
  "lib/db",
  "lib/mail",
  "lib/storage",
  "lib/integrations",
  "lib/api",
  "lib/contracts",
  "lib/core",
];
/** Programs Node runs outside Next without scripts/server-only-off.mjs. */
const NODE_PROGRAMS = ["e2e", "playwright.config.ts", "prisma.config.ts", "next.config.ts"];
const SCANNED = ["app", "components", "lib", "pages", "scripts", "e2e", "tests", "proxy.ts", "instrumentation.ts", ...NODE_PROGRAMS];
const SKIPPED_DIRS = new Set(["node_modules", "generated", ".next", ".git"]);
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const MARKER = 'import "server-only";';

const rel = (file) => path.relative(ROOT, file).split(path.sep).join("/");

function walk(entry, out = []) {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return out;
  if (fs.statSync(full).isFile()) {
    if (SOURCE.test(full) && !full.endsWith(".d.ts")) out.push(full);
    return out;
  }
  for (const child of fs.readdirSync(full, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(child.name)) continue;
    walk(path.join(entry, child.name), out);
  }
  return out;
}

const files = [...new Set(SCANNED.flatMap((entry) => walk(entry)))];
const sources = new Map(files.map((file) => [file, fs.readFileSync(file, "utf8")]));

/** The file an import names, for our own modules ("@/..." or relative); undefined for packages. */
function resolveImport(from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  const candidates = [base, ...[".ts", ".tsx", ".mts", ".mjs", ".js"].map((ext) => base + ext), ...["ts", "tsx", "js"].map((ext) => path.join(base, `index.${ext}`))];
  return candidates.find((candidate) => sources.has(candidate));
}

/** Runtime imports: static (not `import type` / `export type`), side-effect and dynamic ones. */
function runtimeImports(file) {
  const code = sources.get(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specifiers = [];
  for (const match of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^;"'`]*?\bfrom\s+)?["']([^"']+)["']/gm)) {
    if (!match[2]) specifiers.push(match[4]);
  }
  for (const match of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers.map((specifier) => resolveImport(file, specifier)).filter(Boolean);
}

const graph = new Map(files.map((file) => [file, runtimeImports(file)]));

const isClientComponent = (file) => /^(?:\s|\/\/.*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(sources.get(file));
const isNodeProgram = (file) => NODE_PROGRAMS.some((entry) => rel(file) === entry || rel(file).startsWith(`${entry}/`));

/** Every module reachable from `entries`, with the entry it was first reached from. */
function reach(entries) {
  const from = new Map();
  const queue = entries.map((entry) => [entry, entry]);
  while (queue.length > 0) {
    const [file, entry] = queue.shift();
    if (from.has(file)) continue;
    from.set(file, entry);
    for (const next of graph.get(file) ?? []) queue.push([next, entry]);
  }
  return from;
}

const reachedByClient = reach(files.filter(isClientComponent));
const reachedByNode = reach(files.filter(isNodeProgram));
// The Pages Router's API routes (pages/api: the OIDC provider, which needs Node's req/res) are
// not React Server Components: `server-only` throws there as in a client component.
const reachedByPagesApi = reach(files.filter((file) => rel(file).startsWith("pages/")));

const isServerModule = (file) => SERVER_FOLDERS.some((folder) => rel(file).startsWith(`${folder}/`)) && /\.tsx?$/.test(file);
const serverModules = files.filter(isServerModule).sort();

const exceptions = [];
const missing = [];
/** Marked, but reached where `server-only` throws: the mark must go. */
const wronglyMarked = [];
for (const file of serverModules) {
  const source = sources.get(file);
  const reasons = [];
  if (reachedByClient.has(file)) reasons.push(`imported by the client component ${rel(reachedByClient.get(file))}`);
  if (reachedByNode.has(file)) reasons.push(`run by Node outside Next, from ${rel(reachedByNode.get(file))}`);
  if (reachedByPagesApi.has(file)) reasons.push(`reached from the Pages Router's ${rel(reachedByPagesApi.get(file))}`);
  if (reasons.length > 0) {
    exceptions.push([rel(file), reasons.join("; ")]);
    if (source.includes(MARKER)) wronglyMarked.push(file);
  } else if (!source.includes(MARKER)) missing.push(file);
}

/** The marker goes after a leading directive ("use server") and before the first import, else first. */
function withMarker(source) {
  const directive = /^(["']use (?:server|strict)["'];?\n)/.exec(source);
  const head = directive ? directive[1] : "";
  const rest = source.slice(head.length);
  const firstImport = /^import\s/m.exec(rest);
  const at = firstImport ? firstImport.index : 0;
  return `${head}${rest.slice(0, at)}${MARKER}\n${rest.slice(at)}`;
}

const check = process.argv.includes("--check");
if (!check) {
  for (const file of missing) fs.writeFileSync(file, withMarker(sources.get(file)));
  for (const file of wronglyMarked) fs.writeFileSync(file, sources.get(file).replace(`${MARKER}\n`, ""));
}

console.log(
  `${serverModules.length} server modules; ${check ? "lacking" : "marked now"}: ${missing.length}; ${check ? "wrongly marked" : "unmarked now"}: ${wronglyMarked.length}; left alone: ${exceptions.length}`,
);
if (check) for (const file of missing) console.log(`  lacks it: ${rel(file)}`);
if (check) for (const file of wronglyMarked) console.log(`  must not have it: ${rel(file)}`);
for (const [file, reason] of exceptions) console.log(`  left alone: ${file} (${reason})`);
if (check && (missing.length > 0 || wronglyMarked.length > 0)) process.exitCode = 1;
