import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { adminQuery, migratePostgres, migratedPglite, SNAPSHOT_PATH } from "./database";

/**
 * Migrates once per run. PGlite: a gzip snapshot of a migrated database that each test file
 * loads in about a second. PostgreSQL: a template database each test file copies.
 */
export default async function globalSetup(project: TestProject) {
  if (process.env.TEST_DB === "postgres") {
    const template = `portal_test_tpl_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(`CREATE DATABASE ${template}`);
    await migratePostgres(template);
    project.provide("postgresTemplate", template);
    return async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    };
  }
  const pglite = await migratedPglite();
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  await mkdir(path.dirname(SNAPSHOT_PATH), { recursive: true });
  await writeFile(SNAPSHOT_PATH, Buffer.from(await dump.arrayBuffer()));
  return undefined;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}
