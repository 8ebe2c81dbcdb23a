import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

/**
 * "One definition per action": every server action is made by defineAction
 * (lib/actions/define-action.ts), which resolves the caller, checks the policy, reads the
 * language and the client, validates the input and revalidates. An action file that does any
 * of it by hand fails here, as does an export that is not a defined action.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

/** What defineAction does for every action: an action file never calls (nor imports) these. */
const BY_HAND = ["requireUser", "getOptionalUser", "getLocale", "validate", "safeParse", "actionClientInfo", "headers", "runAction", "revalidatePath"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The source without its comments (a comment may name what it does not call). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const isServerModule = (source: string) => /^\s*["']use server["'];?/.test(code(source));

/** Every module of server actions: whatever starts with "use server", and whatever is named like one. */
const ACTION_FILES = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "lib"))]
  .map((full) => ({ file: path.relative(ROOT, full).split(path.sep).join("/"), source: readFileSync(full, "utf8") }))
  .filter(({ file, source }) => isServerModule(source) || (file.startsWith("app/") && /(^|\/|-)actions\.ts$/.test(file)));

/** The hand-done calls and imports in a module's code. */
function handWork(source: string): string[] {
  const text = code(source);
  const found: string[] = [];
  for (const name of BY_HAND) {
    if (new RegExp(`(?<![\\w$])${name}\\s*\\(`).test(text)) found.push(`calls ${name}(`);
  }
  for (const [, names] of text.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s*from/g)) {
    for (const spec of names!.split(",").map((s) => s.trim()).filter((s) => s && !s.startsWith("type "))) {
      const imported = spec.split(/\s+as\s+/)[0]!;
      if (BY_HAND.includes(imported)) found.push(`imports ${imported}`);
    }
  }
  return found;
}

/** Each exported value as `export const <name> = defineAction({ ... handler: async function <name>(`, else what is wrong. */
function exportProblems(source: string): string[] {
  const text = code(source);
  const problems: string[] = [];
  const starts = [...text.matchAll(/^export\s+(?!type\b|interface\b)/gm)].map((m) => m.index);
  for (const [i, start] of starts.entries()) {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const head = /^export\s+const\s+(\w+)\s*=\s*defineAction\(\s*\{/.exec(chunk);
    if (!head) {
      problems.push(`not a defineAction result: ${chunk.split("\n")[0]}`);
      continue;
    }
    const name = head[1]!;
    if (!/\bpolicy\s*[:,]/.test(chunk)) problems.push(`${name} declares no policy`);
    if (!new RegExp(`\\bhandler\\s*:\\s*async\\s+function\\s+${name}\\s*\\(`).test(chunk)) problems.push(`${name}'s handler is not \`async function ${name}(...)\``);
  }
  return problems;
}

describe("server actions are defined, not hand-written", () => {
  it("finds the action modules", () => {
    expect(ACTION_FILES.length).toBeGreaterThanOrEqual(9);
    for (const { file, source } of ACTION_FILES) expect(isServerModule(source), `${file} starts with "use server"`).toBe(true);
  });

  it.each(ACTION_FILES.map(({ file, source }) => [file, source]))("%s resolves, reads and validates nothing by hand", (_file, source) => {
    expect(handWork(source)).toEqual([]);
  });

  it.each(ACTION_FILES.map(({ file, source }) => [file, source]))("%s exports only defineAction results, each with its policy and named handler", (_file, source) => {
    expect(exportProblems(source)).toEqual([]);
  });

  it("the checks see what they look for", () => {
    const handWritten = `"use server";
import { requireUser } from "@/lib/auth/require-user";
// getLocale() in a comment is no call
export const a = defineAction({ policy: PUBLIC, handler: async function a() { return {}; } });
export async function b(input: unknown) { const { user } = await requireUser(); return validate(schema, input, "fr"); }
export const c = defineAction({ handler: async function other() { return {}; } });`;
    expect(handWork(handWritten)).toEqual(["calls requireUser(", "calls validate(", "imports requireUser"]);
    expect(exportProblems(handWritten)).toEqual([
      "not a defineAction result: export async function b(input: unknown) { const { user } = await requireUser(); return validate(schema, input, \"fr\"); }",
      "c declares no policy",
      "c's handler is not `async function c(...)`",
    ]);
  });
});

// Importing the modules: what they export at run time is what defineAction made, with its policy.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, toString: () => "" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), BrowserSignInError: class BrowserSignInError extends Error {} }));

const MODULES = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "/app/**/*-actions.ts"]);

describe("every exported action is a defined action", () => {
  it("carries the policy it was defined with", async () => {
    const { isDefinedAction } = await import("@/lib/actions/define-action");
    expect(Object.keys(MODULES).length).toBe(ACTION_FILES.filter(({ file }) => file.startsWith("app/")).length);
    let count = 0;
    for (const [file, load] of Object.entries(MODULES)) {
      for (const [name, value] of Object.entries(await load())) {
        expect(isDefinedAction(value), `${file}#${name}`).toBe(true);
        expect((value as { policy?: { access?: string } }).policy?.access, `${file}#${name}`).toMatch(/^(public|user)$/);
        count++;
      }
    }
    expect(count).toBeGreaterThan(20);
  }, 120_000);
});
