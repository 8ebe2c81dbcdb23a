/**
 * `npm run db:migrate`: applies pending migrations to the configured database (PGlite
 * under .data/ by default, or DATABASE_URL) with Prisma's WASM schema engine.
 */
import { databaseTarget, openAdapter } from "@/lib/db/connection";
import { applyMigrations } from "@/lib/db/migrations";
import { EnvError } from "@/lib/core/env";

async function main() {
  const target = databaseTarget();
  const where = target.kind === "pglite" ? `PGlite at ${target.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const adapter = await openAdapter(target);
  try {
    const applied = await applyMigrations(adapter.factory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where} is up to date: no pending migration.`,
    );
  } finally {
    await adapter.close();
  }
}

main().then(
  // The engine leaves a timer running; exit explicitly.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
