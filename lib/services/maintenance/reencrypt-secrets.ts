import "server-only";
import { needsReencryption, reencryptSecret } from "@/lib/core/crypto";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEV_KEY_ROW } from "@/lib/db/oidc-payload";

export type ReencryptionCounts = { twoFactor: number; integrationTokens: number; oauthAppSecrets: number; oidcKeys: number; oauthStates: number };

/**
 * After a new key is put first in ENCRYPTION_KEY: seals every stored secret under it (2FA
 * secrets, integration tokens, OAuth app client secrets, the generated OIDC signing key,
 * pending integration PKCE verifiers), so the old key can then be removed. Each row is
 * rewritten only if it still holds the value read (a concurrent change wins), and rows
 * already under the new key are skipped, so the run can be repeated. Answers how many moved.
 */
export async function reencryptSecrets(db: DbTx = prisma): Promise<ReencryptionCounts> {
  const counts: ReencryptionCounts = { twoFactor: 0, integrationTokens: 0, oauthAppSecrets: 0, oidcKeys: 0, oauthStates: 0 };

  for (const row of await db.twoFactor.findMany({ select: { userId: true, secretEncrypted: true } })) {
    if (!needsReencryption(row.secretEncrypted)) continue;
    const { count } = await db.twoFactor.updateMany({
      where: { userId: row.userId, secretEncrypted: row.secretEncrypted },
      data: { secretEncrypted: reencryptSecret(row.secretEncrypted) },
    });
    counts.twoFactor += count;
  }

  for (const row of await db.integrationConnection.findMany({ select: { id: true, accessTokenEncrypted: true, refreshTokenEncrypted: true } })) {
    const refresh = row.refreshTokenEncrypted;
    if (!needsReencryption(row.accessTokenEncrypted) && (!refresh || !needsReencryption(refresh))) continue;
    const { count } = await db.integrationConnection.updateMany({
      where: { id: row.id, accessTokenEncrypted: row.accessTokenEncrypted, refreshTokenEncrypted: refresh },
      data: { accessTokenEncrypted: reencryptSecret(row.accessTokenEncrypted), refreshTokenEncrypted: refresh ? reencryptSecret(refresh) : null },
    });
    counts.integrationTokens += count;
  }

  for (const row of await db.oAuthApp.findMany({ where: { clientSecretEncrypted: { not: null } }, select: { id: true, clientSecretEncrypted: true } })) {
    const sealed = row.clientSecretEncrypted!;
    if (!needsReencryption(sealed)) continue;
    const { count } = await db.oAuthApp.updateMany({ where: { id: row.id, clientSecretEncrypted: sealed }, data: { clientSecretEncrypted: reencryptSecret(sealed) } });
    counts.oauthAppSecrets += count;
  }

  const key = await db.oidcPayload.findUnique({ where: { id_type: DEV_KEY_ROW } });
  const sealedKey = sealedField(key?.payload, "sealed");
  if (key && sealedKey && needsReencryption(sealedKey)) {
    await db.oidcPayload.update({ where: { id_type: DEV_KEY_ROW }, data: { payload: { ...(key.payload as Prisma.JsonObject), sealed: reencryptSecret(sealedKey) } } });
    counts.oidcKeys += 1;
  }

  for (const row of await db.verification.findMany({ where: { purpose: "OAUTH_STATE", usedAt: null }, select: { id: true, payload: true } })) {
    const verifier = sealedField(row.payload, "codeVerifier");
    if (!verifier || !needsReencryption(verifier)) continue;
    await db.verification.update({ where: { id: row.id }, data: { payload: { ...(row.payload as Prisma.JsonObject), codeVerifier: reencryptSecret(verifier) } } });
    counts.oauthStates += 1;
  }
  return counts;
}

function sealedField(payload: unknown, field: string): string | undefined {
  const value = payload && typeof payload === "object" ? (payload as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : undefined;
}
