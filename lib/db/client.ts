import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTarget } from "@/lib/db/connection";

export type Db = PrismaClient;
/** What a service needs to run its queries: the client or a transaction of it. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };

function createClient(): PrismaClient {
  const target = databaseTarget();
  if (target.kind === "postgres") {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  }
  mkdirSync(target.dataDir, { recursive: true });
  return new PrismaClient({ adapter: new PrismaPGlite(new PGlite(target.dataDir)) });
}

/** Installs the client every module uses (tests hand in one per file). */
export function setDb(client: PrismaClient): void {
  globalForDb.__portalDb = client;
}

/** The one client of this process, created on first use; kept on globalThis so dev hot reload reuses it. */
export function getDb(): PrismaClient {
  return (globalForDb.__portalDb ??= createClient());
}

// A lazy handle: importing this module opens nothing, so `next build` workers that import
// a route never race for the PGlite directory.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
