import "server-only";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma migrations through Prisma's own WASM schema engine: no native binary to download,
 * and the same `_prisma_migrations` bookkeeping (checksums included) as `prisma migrate
 * deploy`, so either tool can take over a database the other migrated.
 */

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const emptyFilter = { externalTables: [], externalEnums: [] };

type Runtime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let runtimePromise: Promise<Runtime> | undefined;

// The package's entry imports the .wasm as an ES module (experimental in Node), so the
// module is instantiated by hand from its bytes.
function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), {
      "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (runtime as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const runtime = await loadRuntime();
  const engine = (await runtime.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as SchemaEngine;
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies pending migrations; answers the names of those applied (empty when up to date). */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR) {
  const migrationsList = await readMigrations(dir);
  if (migrationsList.migrationDirectories.length === 0) return [];
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: emptyFilter });
    return result.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database holding the existing migrations to the schema. `shadow` must
 * be an empty throwaway database: the history is replayed into it first.
 */
export async function diffSchemaAgainstMigrations(
  shadow: SqlMigrationAwareDriverAdapterFactory,
  dir = MIGRATIONS_DIR,
): Promise<string | undefined> {
  const migrationsList = await readMigrations(dir);
  const files = [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") }];
  return withSchemaEngine(shadow, async (engine) => {
    if (migrationsList.migrationDirectories.length) {
      await engine.applyMigrations({ migrationsList, filters: emptyFilter });
    }
    const diff = await engine.diff({
      from: migrationsList.migrationDirectories.length
        ? { tag: "schemaDatasource", files, configDir: path.dirname(SCHEMA_PATH) }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: emptyFilter,
    });
    return diff.exitCode === 0 || !diff.stdout ? undefined : diff.stdout;
  });
}
