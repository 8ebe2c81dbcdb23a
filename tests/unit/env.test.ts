import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";

const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-env-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Two strong keys, as `openssl rand -base64 32` makes them. */
const STRONG_SECRET = "q8N3vJ0x2mYfT6wKcR1pZs9LbHdE4uGaV7iOnQyXkWo=";
const STRONG_KEY = "Jt5rX0bW3nLq8ZcV2mYs7KdP1fGh4uAe9iRoTyNwQxM=";
const OLD_DEVELOPMENT_SECRET = "dev-only-secret-change-me-in-production-0123456789";
const OLD_DEVELOPMENT_KEY = Buffer.from(OLD_DEVELOPMENT_SECRET.slice(0, 32)).toString("base64");

function problems(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  return "";
}

describe("parseEnv", () => {
  it("runs with no variables at all (embedded database, local outbox)", () => {
    // NODE_ENV=test keeps the generated secrets in memory: this test writes nothing to .data/.
    const env = parseEnv({ NODE_ENV: "test" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.BCRYPT_COST).toBe(10);
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.SESSION_IDLE_TIMEOUT_HOURS).toBe(24);
  });

  it("names each invalid variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://nope", BCRYPT_COST: "99", APP_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
      expect(message).toMatch(/BCRYPT_COST/);
      expect(message).toMatch(/APP_URL/);
    }
  });

  it("refuses to fall back to local disk on Vercel", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow(/DATABASE_URL is required on Vercel[\s\S]*RESEND_API_KEY[\s\S]*BLOB_READ_WRITE_TOKEN/);
    expect(() =>
      parseEnv({ VERCEL: "1", NODE_ENV: "test", DATABASE_URL: "postgres://u@h/db", RESEND_API_KEY: "re_x", BLOB_READ_WRITE_TOKEN: "t" }),
    ).not.toThrow();
  });
});

describe("secrets (issue 15, item 10)", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u@db.internal:5432/portal" };

  it("production with a DATABASE_URL and no AUTH_SECRET or ENCRYPTION_KEY is refused, naming each (not on Vercel either)", () => {
    expect(problems({ ...production, ENCRYPTION_KEY: STRONG_KEY })).toMatch(/AUTH_SECRET is required in production/);
    expect(problems({ ...production, AUTH_SECRET: STRONG_SECRET })).toMatch(/ENCRYPTION_KEY is required in production/);
    const both = problems(production);
    expect(both).toMatch(/AUTH_SECRET is required/);
    expect(both).toMatch(/ENCRYPTION_KEY is required/);
    // An empty line in a .env is no secret either.
    expect(problems({ ...production, AUTH_SECRET: "", ENCRYPTION_KEY: STRONG_KEY })).toMatch(/AUTH_SECRET is required/);
    expect(() => parseEnv({ ...production, AUTH_SECRET: STRONG_SECRET, ENCRYPTION_KEY: STRONG_KEY })).not.toThrow();
  });

  it("production refuses weak secrets: the old built-in constants, placeholders, few distinct characters", () => {
    const strong = { ...production, AUTH_SECRET: STRONG_SECRET, ENCRYPTION_KEY: STRONG_KEY };
    expect(problems({ ...strong, AUTH_SECRET: OLD_DEVELOPMENT_SECRET })).toMatch(/AUTH_SECRET is too weak/);
    expect(problems({ ...strong, AUTH_SECRET: "x".repeat(40) })).toMatch(/AUTH_SECRET is too weak/);
    expect(problems({ ...strong, AUTH_SECRET: "please-change-me-before-going-live-0000" })).toMatch(/AUTH_SECRET is too weak/);
    expect(problems({ ...strong, ENCRYPTION_KEY: OLD_DEVELOPMENT_KEY })).toMatch(/ENCRYPTION_KEY is too weak/);
    expect(problems({ ...strong, ENCRYPTION_KEY: "A".repeat(44) })).toMatch(/ENCRYPTION_KEY is too weak/);
    expect(problems({ ...strong, ENCRYPTION_KEY: `${STRONG_KEY},${"A".repeat(44)}` })).toMatch(/ENCRYPTION_KEY is too weak/);
    expect(problems({ ...strong, AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET must be at least 32 characters/);
    // Embedded-database production too: a configured secret must be a real one.
    expect(problems({ NODE_ENV: "production", AUTH_SECRET: OLD_DEVELOPMENT_SECRET, PGLITE_DATA_DIR: path.join(scratch, "weak", "pglite") })).toMatch(
      /AUTH_SECRET is too weak/,
    );
  });

  it("never falls back to a constant: without a DATABASE_URL, secrets are generated once (32 random bytes) and kept 0600 beside the embedded database", () => {
    for (const NODE_ENV of ["production", "development"]) {
      const dataDir = path.join(scratch, NODE_ENV, "pglite");
      const env = parseEnv({ NODE_ENV, PGLITE_DATA_DIR: dataDir });
      expect(env.AUTH_SECRET).not.toBe(OLD_DEVELOPMENT_SECRET);
      expect(env.ENCRYPTION_KEY).not.toBe(OLD_DEVELOPMENT_KEY);
      expect(Buffer.from(env.AUTH_SECRET, "base64")).toHaveLength(32);
      expect(Buffer.from(env.ENCRYPTION_KEY, "base64")).toHaveLength(32);
      const file = path.join(scratch, NODE_ENV, "secrets.json");
      expect(env.GENERATED_SECRETS_FILE).toBe(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = JSON.parse(readFileSync(file, "utf8")) as { AUTH_SECRET: string; ENCRYPTION_KEY: string };
      expect(stored).toMatchObject({ AUTH_SECRET: env.AUTH_SECRET, ENCRYPTION_KEY: env.ENCRYPTION_KEY });
      // Kept: the next start reads the same keys.
      const again = parseEnv({ NODE_ENV, PGLITE_DATA_DIR: dataDir });
      expect([again.AUTH_SECRET, again.ENCRYPTION_KEY]).toEqual([env.AUTH_SECRET, env.ENCRYPTION_KEY]);
    }
    const production = parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: path.join(scratch, "production", "pglite") });
    const development = parseEnv({ NODE_ENV: "development", PGLITE_DATA_DIR: path.join(scratch, "development", "pglite") });
    expect(production.AUTH_SECRET).not.toBe(development.AUTH_SECRET);
    // A configured secret wins over the file; the other one still comes from it.
    const mixed = parseEnv({ NODE_ENV: "production", AUTH_SECRET: STRONG_SECRET, PGLITE_DATA_DIR: path.join(scratch, "production", "pglite") });
    expect(mixed.AUTH_SECRET).toBe(STRONG_SECRET);
    expect(mixed.ENCRYPTION_KEY).toBe(production.ENCRYPTION_KEY);
  });

  it("takes ENCRYPTION_KEY as a comma-separated list: the first encrypts, all are kept", () => {
    const env = parseEnv({ NODE_ENV: "test", ENCRYPTION_KEY: ` ${STRONG_KEY} , ${STRONG_SECRET} ` });
    expect(env.ENCRYPTION_KEY).toBe(STRONG_KEY);
    expect(env.ENCRYPTION_KEYS).toEqual([STRONG_KEY, STRONG_SECRET]);
    expect(problems({ NODE_ENV: "test", ENCRYPTION_KEY: `${STRONG_KEY},short` })).toMatch(/ENCRYPTION_KEY must be 32 random bytes/);
  });
});
