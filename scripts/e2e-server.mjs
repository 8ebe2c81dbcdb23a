// Starts the production build for the e2e run on a fresh embedded database, so every run
// begins from nothing and never touches the developer's .data/pglite.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";

const root = process.env.E2E_DATA_DIR ?? ".data/e2e";
rmSync(root, { recursive: true, force: true });
const port = process.env.E2E_PORT ?? "3210";
const env = {
  ...process.env,
  PORT: port,
  APP_URL: `http://127.0.0.1:${port}`,
  PGLITE_DATA_DIR: `${root}/pglite`,
  MAIL_OUTBOX_DIR: `${root}/outbox`,
  UPLOAD_DIR: `${root}/uploads`,
  AUTH_TRUST_HOST: "true",
  MAIL_OUTBOX_PAGE: "true",
  DATABASE_URL: "",
};
const child = spawn("npm", ["start", "--", "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
