import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * Secrets for runs that need no configuration: the development server, the embedded-database
 * production build of the e2e run, the tests. Generated once (32 random bytes each) and kept
 * in a 0600 file beside the embedded database, so they are as private as the data they protect
 * and a fresh data folder gets fresh keys. Production against a real database never comes here
 * (lib/core/env.ts requires the variables there).
 */
export type LocalSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/** What the source code once used when a variable was missing; never accepted in production. */
export const FORMER_DEVELOPMENT_SECRET = "dev-only-secret-change-me-in-production-0123456789";

export function generateSecret(): string {
  return randomBytes(32).toString("base64");
}

/** `.data/secrets.json` for the default `.data/pglite`: the folder that holds the embedded database. */
export function localSecretsFile(pgliteDataDir: string): string {
  return path.join(path.dirname(path.resolve(pgliteDataDir)), "secrets.json");
}

const loaded = new Map<string, LocalSecrets>();

/**
 * The secrets in `file`, created if absent. Several processes may start at once (Next's
 * workers, the migration step before `next start`): the file is written whole under another
 * name and linked into place, which fails for every process but the first, and those read
 * what the first wrote.
 */
export function loadOrCreateLocalSecrets(file: string): LocalSecrets {
  const cached = loaded.get(file);
  if (cached) return cached;
  let secrets = readSecretsFile(file);
  if (!secrets) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fresh: LocalSecrets = { AUTH_SECRET: generateSecret(), ENCRYPTION_KEY: generateSecret() };
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ ...fresh, createdAt: new Date().toISOString() }, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(temporary, file);
      secrets = fresh;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      secrets = readSecretsFile(file);
    } finally {
      unlinkSync(temporary);
    }
    if (!secrets) throw new Error(`${file} could not be created`);
  }
  loaded.set(file, secrets);
  return secrets;
}

function readSecretsFile(file: string): LocalSecrets | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // Copied or restored with a looser mode: only the owner may read keys.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = parsed as Partial<LocalSecrets> | undefined;
  if (typeof record?.AUTH_SECRET !== "string" || typeof record.ENCRYPTION_KEY !== "string" || record.AUTH_SECRET.length < 32 || record.ENCRYPTION_KEY.length < 43) {
    throw new Error(`${file} is not a valid secrets file: delete it to generate new keys (data encrypted with the old ones becomes unreadable)`);
  }
  return { AUTH_SECRET: record.AUTH_SECRET, ENCRYPTION_KEY: record.ENCRYPTION_KEY };
}

/** Process-wide random secrets for the test runner: every test file is its own process and database. */
let ephemeral: LocalSecrets | undefined;
export function ephemeralSecrets(): LocalSecrets {
  return (ephemeral ??= { AUTH_SECRET: generateSecret(), ENCRYPTION_KEY: generateSecret() });
}

const PLACEHOLDER = /change.?me|dev-only|placeholder|example|secret{1,2}(key)?$|^password/i;

/**
 * Why a configured secret is too weak for production, or undefined. Length is checked by the
 * schema; this catches what is long but guessable: the former built-in constant, template
 * placeholders, and strings with so few distinct characters ("xxxx...", "AAAA...") that they
 * carry nothing like 32 random bytes. A random base64 or hex key passes with a wide margin.
 */
export function weakSecretReason(value: string): string | undefined {
  if (value === FORMER_DEVELOPMENT_SECRET || value === Buffer.from(FORMER_DEVELOPMENT_SECRET.slice(0, 32)).toString("base64")) {
    return "is the public development default";
  }
  if (PLACEHOLDER.test(value)) return "looks like a placeholder";
  if (new Set(value).size < 10) return "has too few distinct characters to be random";
  return undefined;
}
