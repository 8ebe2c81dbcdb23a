import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";

/** Where the migrated PGlite snapshot lives between global set-up and the test files. */
export const SNAPSHOT_PATH = path.resolve(".data/test/pglite-snapshot.tar.gz");

/** The server used for the PostgreSQL run (the machine's own by default). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new in-memory PGlite holding every migration, for a snapshot. */
export async function migratedPglite(): Promise<PGlite> {
  const pglite = await PGlite.create();
  await applyMigrations(new PrismaPGlite(pglite));
  return pglite;
}

export async function migratePostgres(database: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: postgresUrl(database) });
  try {
    await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

/** Copies the template; PostgreSQL refuses concurrent copies of one template, so retry. */
export async function createFromTemplate(database: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${database} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
