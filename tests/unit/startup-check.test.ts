import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/core/env";
import { enforceEnvironmentAtStartup } from "@/lib/core/startup-check";

const STRONG_SECRET = "q8N3vJ0x2mYfT6wKcR1pZs9LbHdE4uGaV7iOnQyXkWo=";
const STRONG_KEY = "Jt5rX0bW3nLq8ZcV2mYs7KdP1fGh4uAe9iRoTyNwQxM=";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
});

function run() {
  const io = { exit: vi.fn<(code: number) => void>(), stderr: vi.fn<(text: string) => void>() };
  const ok = enforceEnvironmentAtStartup(io);
  return { ok, exit: io.exit, stderr: io.stderr.mock.calls.map(([text]) => text).join("") };
}

/**
 * Next only logs an exception from instrumentation's register() and keeps serving nothing
 * (the stack notes), so the start-up check must end the process itself.
 */
describe("start-up check (instrumentation.ts)", () => {
  it("ends the process (exit 1) naming AUTH_SECRET when production has a DATABASE_URL and no AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://u@db.internal:5432/portal");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("ENCRYPTION_KEY", STRONG_KEY);
    const result = run();
    expect(result.ok).toBe(false);
    expect(result.exit).toHaveBeenCalledWith(1);
    expect(result.stderr).toMatch(/AUTH_SECRET is required in production/);
  });

  it("lets a complete production configuration start", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://u@db.internal:5432/portal");
    vi.stubEnv("AUTH_SECRET", STRONG_SECRET);
    vi.stubEnv("ENCRYPTION_KEY", STRONG_KEY);
    const result = run();
    expect(result.ok).toBe(true);
    expect(result.exit).not.toHaveBeenCalled();
    expect(result.stderr).toBe("");
  });

  it("as a process: register() with production, a DATABASE_URL and no AUTH_SECRET exits non-zero with the variable on stderr", () => {
    const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_RUNTIME: "nodejs", NODE_ENV: "production" };
    const script = 'import("./instrumentation.ts").then((m) => m.register()).then(() => console.log("started"))';
    const spawn = (extra: Record<string, string | undefined>) =>
      spawnSync("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "--eval", script], { env: { ...env, ...extra } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });

    const refused = spawn({ DATABASE_URL: "postgres://u@db.internal:5432/portal", ENCRYPTION_KEY: STRONG_KEY });
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/AUTH_SECRET is required in production/);
    expect(refused.stdout).not.toMatch(/started/);

    const started = spawn({ DATABASE_URL: "postgres://u@db.internal:5432/portal", ENCRYPTION_KEY: STRONG_KEY, AUTH_SECRET: STRONG_SECRET });
    expect(started.status, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/started/);
  }, 60_000);
});
