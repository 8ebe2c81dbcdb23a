import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, inject } from "vitest";
import { setDb } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { adminQuery, createFromTemplate, postgresUrl, SNAPSHOT_PATH } from "./database";
import { recordStatement } from "./statements";

/**
 * Each test file gets its own clean database (a PGlite loaded from the migrated snapshot,
 * or a PostgreSQL copy of the migrated template) and its own outbox and upload folders.
 */
const scratch = await mkdtemp(path.join(os.tmpdir(), "portal-test-"));
process.env.MAIL_OUTBOX_DIR = path.join(scratch, "outbox");
process.env.UPLOAD_DIR = path.join(scratch, "uploads");
resetEnv();

/** A client whose every statement goes to tests/support/statements.ts. */
function recordingClient(adapter: PrismaPg | PrismaPGlite): PrismaClient {
  const recording = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  recording.$on("query", (event) => recordStatement(event.query));
  return recording;
}

let client: PrismaClient;
let cleanup: () => Promise<void>;

if (process.env.TEST_DB === "postgres") {
  const database = `portal_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await createFromTemplate(database, inject("postgresTemplate"));
  client = recordingClient(new PrismaPg({ connectionString: postgresUrl(database) }));
  cleanup = async () => {
    await client.$disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
} else {
  const snapshot = await readFile(SNAPSHOT_PATH);
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]) });
  client = recordingClient(new PrismaPGlite(pglite));
  cleanup = async () => {
    await client.$disconnect();
    await pglite.close();
  };
}

setDb(client);

afterAll(async () => {
  await cleanup();
  await rm(scratch, { recursive: true, force: true });
});
