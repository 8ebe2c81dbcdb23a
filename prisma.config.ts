import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations go through the WASM
// schema engine in scripts/db-migrate.ts, which picks PGlite or PostgreSQL itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
