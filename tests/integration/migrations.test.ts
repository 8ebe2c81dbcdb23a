import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrations";
import { prisma } from "@/lib/db/client";
import { adminQuery, postgresUrl } from "../support/database";

async function expectedChecksums() {
  const list = await readMigrations();
  return Promise.all(
    list.migrationDirectories.map(async (m) => ({
      name: m.path,
      checksum: createHash("sha256").update(await readFile(path.join(MIGRATIONS_DIR, m.path, "migration.sql"))).digest("hex"),
    })),
  );
}

describe("migrations through the WASM schema engine", () => {
  it("apply everything once to a new PGlite, then nothing, writing prisma migrate's bookkeeping", async () => {
    const pglite = await PGlite.create();
    try {
      const first = await applyMigrations(new PrismaPGlite(pglite));
      const expected = await expectedChecksums();
      expect(first).toEqual(expected.map((m) => m.name));
      expect(await applyMigrations(new PrismaPGlite(pglite))).toEqual([]);
      const rows = await pglite.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
      expect(rows.rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await pglite.close();
    }
  });

  it("apply everything once to a new PostgreSQL database, then nothing", async () => {
    const database = `portal_migrate_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`CREATE DATABASE ${database}`);
    const pool = new pg.Pool({ connectionString: postgresUrl(database) });
    try {
      const expected = await expectedChecksums();
      expect(await applyMigrations(new PrismaPg(pool))).toEqual(expected.map((m) => m.name));
      expect(await applyMigrations(new PrismaPg(pool))).toEqual([]);
      const { rows } = await pool.query("SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY migration_name");
      expect(rows).toEqual(expected);
    } finally {
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});

describe("the schema's guarantees", () => {
  it("keeps emails lower-case, so the unique index is case-insensitive", async () => {
    await expect(prisma.user.create({ data: { email: "Mixed.Case@Example.com" } })).rejects.toThrow();
    await prisma.user.create({ data: { email: "unique.case@example.com" } });
    await expect(prisma.user.create({ data: { email: "unique.case@example.com" } })).rejects.toThrow();
  });

  it("refuses negative counters", async () => {
    await expect(prisma.user.create({ data: { email: "negative@example.com", hoursSaved: -1 } })).rejects.toThrow();
  });
});
