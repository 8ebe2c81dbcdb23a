// `prisma generate` without the native schema engine: the Prisma 7 client is WASM plus
// driver adapters and never runs that engine, but the CLI insists on downloading it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file (this one will do). Migrations use
// the WASM engine instead (scripts/db-migrate.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
