/**
 * `npm run secrets:reencrypt`: after putting a new key first in ENCRYPTION_KEY
 * (ENCRYPTION_KEY=<new>,<old>), seals every stored secret under the new key so the old one
 * can be removed. Safe to repeat; run it with the same environment as the server.
 */
import { EnvError } from "@/lib/core/env";
import { prisma } from "@/lib/db/client";
import { reencryptSecrets } from "@/lib/services/maintenance/reencrypt-secrets";

reencryptSecrets().then(
  async (counts) => {
    console.log(`Re-encrypted under the first ENCRYPTION_KEY: ${JSON.stringify(counts)}`);
    await prisma.$disconnect();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `Re-encryption failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
