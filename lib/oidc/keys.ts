import { generateKeyPairSync, randomUUID } from "node:crypto";
import type { JWK } from "oidc-provider";
import { decryptSecret, encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { DEV_KEY_ROW } from "@/lib/db/oidc-payload";
import { env } from "@/lib/core/env";

/**
 * The provider's signing keys. `OIDC_JWKS` when set (required on Vercel production, see
 * lib/core/env.ts): the first key signs, the others are only published, so tokens they signed
 * still verify until they expire. Without it (development, tests, local e2e) one RSA key is
 * generated on first use and kept encrypted in the database, never on disk.
 */
export async function loadSigningKeys(): Promise<{ keys: JWK[] }> {
  const configured = env().OIDC_JWKS;
  if (configured) return JSON.parse(configured) as { keys: JWK[] };
  return { keys: [await developmentKey()] };
}

async function developmentKey(): Promise<JWK> {
  const existing = await prisma.oidcPayload.findUnique({ where: { id_type: DEV_KEY_ROW } });
  if (existing) return readSealed(existing.payload);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: "jwk" }) as JWK), kid: `dev-${randomUUID()}`, use: "sig", alg: "RS256" };
  // Two processes starting together both try; the first insert wins and both use its key.
  await prisma.oidcPayload.createMany({ data: [{ ...DEV_KEY_ROW, payload: { sealed: encryptSecret(JSON.stringify(jwk)) } }], skipDuplicates: true });
  const stored = await prisma.oidcPayload.findUniqueOrThrow({ where: { id_type: DEV_KEY_ROW } });
  return readSealed(stored.payload);
}

function readSealed(payload: unknown): JWK {
  const sealed = (payload as { sealed?: unknown } | null)?.sealed;
  if (typeof sealed !== "string") throw new Error("The stored OIDC development signing key is unreadable");
  return JSON.parse(decryptSecret(sealed)) as JWK;
}
