import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eIntegrationEnv } from "./e2e/oauth-mock";

/**
 * End-to-end tests drive the production build (`npm run build` first) on its own port and
 * its own embedded database under .data/e2e. Chromium: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium when present, else Playwright's own download (machines with internet).
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // A local OAuth server for the integration flows (its env reaches the server below).
  globalSetup: "./e2e/global-setup.ts",
  // Separate folders let parallel runs (E2E_NAME) keep their own results.
  outputDir: `test-results/${process.env.E2E_NAME ?? "playwright"}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `test-results/${process.env.E2E_NAME ?? "e2e"}-report.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e", ...e2eIntegrationEnv() },
  },
});
