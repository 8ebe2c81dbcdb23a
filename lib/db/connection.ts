import path from "node:path";
import { mkdirSync } from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "@/lib/core/env";

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** PGlite under `.data/` unless DATABASE_URL names a PostgreSQL server. */
export function databaseTarget(): DatabaseTarget {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  if (DATABASE_URL) return { kind: "postgres", url: DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(PGLITE_DATA_DIR) };
}

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

/** A driver adapter factory for the target; PGlite is opened here and closed by `close`. */
export async function openAdapter(target: DatabaseTarget = databaseTarget()): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
    const pool = new pg.Pool({ connectionString: target.url });
    return { factory: new PrismaPg(pool), close: () => pool.end() };
  }
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  return { factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}
