import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // As below: the route list the document is built from reaches next-auth (social sign-in).
          server: { deps: { inline: ["next-auth"] } },
          env: { LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM resolver
          // refuses; transformed by Vite, it resolves like in the Next build.
          server: { deps: { inline: ["next-auth"] } },
          setupFiles: ["tests/support/setup-database.ts"],
          env: { LOG_LEVEL: "silent", BCRYPT_COST: "4", APP_URL: "http://localhost:3000" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: more workers only add PGlite start-up cost.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
