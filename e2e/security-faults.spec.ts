import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";

/**
 * PostgreSQL restarted under load (scripts/fault-postgres-restart.mjs): a throwaway cluster
 * of its own, the same production build as the other specs on a port of its own. Needs
 * root (initdb runs as the postgres user through runuser) and PostgreSQL's binaries.
 */
const canRun = process.getuid?.() === 0 && existsSync("/usr/lib/postgresql") && existsSync("/usr/sbin/runuser");

test("PostgreSQL restarted under load: 503 while down, recovery without a restart, no acknowledged write lost", async () => {
  // Skipped only off root: initdb must run as the postgres user (runuser), from PostgreSQL's
  // own binaries. CI runs as root, so there it always runs.
  test.skip(!canRun, "needs root, runuser and /usr/lib/postgresql");
  test.setTimeout(240_000);
  const run = spawnSync("node", ["scripts/fault-postgres-restart.mjs"], { encoding: "utf8", timeout: 220_000, env: process.env });
  const output = `${run.stdout}\n${run.stderr}`;
  console.log(output.slice(output.indexOf("== PostgreSQL restart")));
  expect(output).toContain("PASSED:");
  expect(run.status, output).toBe(0);
});
