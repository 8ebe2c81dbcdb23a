import "server-only";
import { env, EnvError, resetEnv } from "@/lib/core/env";

export type StartupIo = { exit: (code: number) => void; stderr: (text: string) => void };

const processIo: StartupIo = {
  exit: (code) => process.exit(code),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Validates the environment when a server starts (instrumentation.ts) and ends the process
 * when it is wrong: Next only logs an exception thrown by `register()` and keeps a server
 * running that answers nothing, so a missing AUTH_SECRET must stop it here, with a non-zero
 * exit and the variable named on stderr. Answers whether start-up may go on.
 */
export function enforceEnvironmentAtStartup(io: StartupIo = processIo): boolean {
  resetEnv();
  try {
    const config = env();
    if (config.NODE_ENV === "production" && config.GENERATED_SECRETS_FILE) {
      io.stderr(`AUTH_SECRET or ENCRYPTION_KEY is not set: using the keys generated for the embedded database in ${config.GENERATED_SECRETS_FILE}\n`);
    }
    return true;
  } catch (error) {
    io.stderr(`${error instanceof EnvError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
    io.exit(1);
    return false;
  }
}
