import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/openapi/operations";

/**
 * Issue 16, "one definition per route": a route file only hands Next.js the routes its
 * client's contract module defines, and no handler does by hand what defineRoute does for
 * it (resolve and check the caller, read and validate the body, path or query, read the
 * client's address and device). Read from the sources, so a route added later is checked too.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [path.relative(ROOT, full).split(path.sep).join("/")] : [];
  });
}

/** Route files that are not part of the documented API; each checks its own credential. */
const UNDOCUMENTED = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/cron/purge-expired/route.ts", "app/api/files/[...key]/route.ts"]);

/** What defineRoute (lib/api/define-route.ts) does for every route, and no handler may redo. */
export const BY_HAND: ReadonlyArray<[RegExp, string]> = [
  [/\b(requireCaller|resolveCaller|getCaller|authorizeRequest|bearerToken|getOptionalUser|requireUser)\(/, "resolves its caller"],
  [/\b(validate|safeParse|parse)\(/, "validates its input"],
  [/\b(readJson|readBodyBytes|readImageUpload)\(|\brequest\.(json|text|formData|arrayBuffer)\(/, "reads its body"],
  [/\bsearchParams\b/, "reads its query string"],
  [/\b(clientInfo|actionClientInfo)\(|headers\.get\(\s*["'](user-agent|x-forwarded-for|x-real-ip)/i, "reads the client's address or device"],
];

const routeFiles = filesUnder(path.join(ROOT, "app/api"), (name) => name === "route.ts").filter((file) => !UNDOCUMENTED.has(file));
const contractFiles = filesUnder(path.join(ROOT, "lib/contracts"), (name) => name.endsWith(".ts"));

/** A route file's source without its import lines. */
function body(source: string): string {
  return source
    .replace(/^import[\s\S]*?from\s+["'][^"']+["'];?\s*$/gm, "")
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    .trim();
}

describe("one definition per route", () => {
  it("finds the route files and the contract modules", () => {
    expect(routeFiles.length).toBeGreaterThan(40);
    expect(contractFiles.length).toBeGreaterThan(5);
  });

  it.each(routeFiles)("%s only exports routeHandlers(...) of defined routes", (file) => {
    // Next.js's route segment options (`dynamic`, `runtime`...) are settings, not handler code.
    const rest = body(readFileSync(path.join(ROOT, file), "utf8"))
      .replace(/^export const (dynamic|runtime|revalidate|fetchCache|preferredRegion|maxDuration) = [^;\n]+;\s*$/gm, "")
      .trim();
    expect(rest, `${file} must be: export const { GET, ... } = routeHandlers(<routes>);`).toMatch(
      /^export const \{\s*[A-Z]+(\s*,\s*[A-Z]+)*\s*\} = routeHandlers\(\s*\w+(\s*,\s*\w+)*\s*,?\s*\);$/,
    );
  });

  it.each(contractFiles)("%s does by hand nothing defineRoute does", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const [pattern, what] of BY_HAND) {
      // Request schemas may be refined with zod; only calls count.
      const hit = pattern.exec(source.replace(/z\.[\w.]+\(|\.(superRefine|refine|transform|pipe)\(/g, ""));
      expect(hit?.[0], `${file} ${what} by hand (${hit?.[0]}): declare it on the route (params, body, policy) and use what the handler receives`).toBeUndefined();
    }
  });

  it("names every handler after its operation", () => {
    const unnamed = OPERATIONS.filter((operation) => (operation as { handler?: { name: string } }).handler?.name !== operation.operationId);
    expect(unnamed.map((operation) => operation.operationId)).toEqual([]);
  });

  it("defines every route once", () => {
    const ids = OPERATIONS.map((operation) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const keys = OPERATIONS.map((operation) => `${operation.method} ${operation.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
