import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteDefinition } from "@/lib/api/define-route";
import { OPERATIONS } from "@/lib/openapi/operations";
import nextConfig from "@/next.config";

/**
 * "A route added without its schema fails it": every exported method of every
 * app/api/**\/route.ts must have an operation in the document, and every operation a route.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");

/** Route files that are not part of the documented API, each with its reason. */
const NOT_DOCUMENTED: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "Auth.js's own protocol endpoints (sign-in forms, OAuth callbacks, CSRF, session) for the portal's pages, not a client contract.",
  "app/api/cron/purge-expired/route.ts":
    "Vercel Cron's daily maintenance call (bearer CRON_SECRET, vercel.json), not a client contract.",
  "app/api/files/[...key]/route.ts":
    "Serves the avatar files of local-disk storage (on Vercel they live on Blob): image bytes behind the URLs the profile answers carry, not an API operation.",
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** The HTTP methods a route module exports, read from its source (no import: no database). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const method of METHODS) {
    const patterns = [
      new RegExp(`export\\s+(const|let|async\\s+function|function)\\s+${method}\\b`),
      new RegExp(`export\\s+const\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`),
      new RegExp(`export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`),
    ];
    if (patterns.some((p) => p.test(source))) found.add(method);
  }
  return [...found];
}

/** The part of a route file that defines one method's handler (up to the next export). */
function handlerSource(source: string, method: string): string {
  const start = source.search(new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`));
  if (start < 0) return source;
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

function openApiPath(file: string): string {
  const dir = path.relative(ROOT, path.dirname(file)).split(path.sep).slice(1);
  return `/${dir.map((seg) => seg.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

const routes = routeFiles(API_DIR)
  .map((file) => ({ file: path.relative(ROOT, file).split(path.sep).join("/"), full: file }))
  .filter(({ file }) => !(file in NOT_DOCUMENTED))
  .flatMap(({ file, full }) => {
    const source = readFileSync(full, "utf8");
    return exportedMethods(source).map((method) => ({ file, source: handlerSource(source, method), method, path: openApiPath(full) }));
  });

function documented(method: string, apiPath: string) {
  return OPERATIONS.find((o) => o.method === method.toLowerCase() && o.path === apiPath);
}

async function rewrite(pathname: string): Promise<string> {
  const rules = await nextConfig.rewrites?.();
  const list = Array.isArray(rules) ? rules : [...(rules?.beforeFiles ?? []), ...(rules?.afterFiles ?? [])];
  for (const rule of list) {
    if (rule.source.endsWith("/:path*")) {
      const prefix = rule.source.slice(0, -"/:path*".length);
      if (pathname.startsWith(`${prefix}/`)) return rule.destination.slice(0, -"/:path*".length) + pathname.slice(prefix.length);
    } else if (rule.source === pathname) return rule.destination;
  }
  return pathname;
}

describe("the OpenAPI document covers every API route", () => {
  it("finds the route files", () => {
    expect(routes.some((r) => r.path === "/api/health" && r.method === "GET")).toBe(true);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s has an operation", (_name, route) => {
    const operation = documented(route.method, route.path);
    expect(operation, `${route.method} ${route.path} (${route.file}) has no operation in lib/openapi/operations`).toBeDefined();
    // The route file only hands Next.js the routes defined (operation, policy, schemas and
    // named handler in one object) in its client's contract module, lib/contracts/<client>/.
    const names = /routeHandlers\(([^)]*)\)/.exec(route.source)?.[1]?.split(",").map((name) => name.trim()).filter(Boolean) ?? [];
    expect(names, `${route.method} ${route.path} must pass its route, ${operation!.operationId}, to routeHandlers`).toContain(operation!.operationId);
    expect((operation as Partial<RouteDefinition>).handler?.name, `${operation!.operationId}'s handler must be a function named after it`).toBe(operation!.operationId);
    expect(route.source, `${route.method} ${route.path} resolves its caller itself instead of through its operation's policy`).not.toMatch(
      /\b(requireCaller|resolveCaller|getCaller)\(/,
    );
  });

  it("documents no route that does not exist", () => {
    const stale = OPERATIONS.filter((o) => !routes.some((r) => r.method === o.method.toUpperCase() && r.path === o.path));
    expect(stale.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it("documents seed 002's root aliases only where next.config rewrites them to the operation's route", async () => {
    for (const operation of OPERATIONS) {
      for (const alias of operation.rootAliases ?? []) {
        expect(await rewrite(alias), alias).toBe(operation.path);
      }
    }
  });
});
