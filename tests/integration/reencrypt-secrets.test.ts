import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, needsReencryption } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { loadSigningKeys } from "@/lib/oidc/keys";
import { reencryptSecrets } from "@/lib/services/maintenance/reencrypt-secrets";
import { createUser } from "../support/fixtures";

const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("base64");
const saved = process.env.ENCRYPTION_KEY;

function useKeys(value: string) {
  process.env.ENCRYPTION_KEY = value;
  resetEnv();
}

afterAll(() => {
  if (saved === undefined) delete process.env.ENCRYPTION_KEY;
  else process.env.ENCRYPTION_KEY = saved;
  resetEnv();
});

describe("rotating ENCRYPTION_KEY (README: add the new key first, re-encrypt, then drop the old one)", () => {
  it("re-encrypts 2FA secrets, integration tokens, OAuth app secrets and the OIDC key under the first key", async () => {
    useKeys(OLD);
    const { user } = await createUser();
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP"), enabledAt: new Date() } });
    await prisma.integrationConnection.create({
      data: { userId: user.id, integrationId: "slack", accessTokenEncrypted: encryptSecret("xoxb-access"), refreshTokenEncrypted: encryptSecret("xoxe-refresh") },
    });
    const app = await prisma.oAuthApp.create({
      data: { ownerId: user.id, clientId: `client-${user.id}`, clientSecretEncrypted: encryptSecret("app-secret"), name: "App", redirectUris: ["https://app.example/cb"] },
    });
    const [signingKey] = (await loadSigningKeys()).keys;

    useKeys(`${NEW},${OLD}`);
    const first = await reencryptSecrets();
    expect(first).toMatchObject({ twoFactor: 1, integrationTokens: 1, oauthAppSecrets: 1, oidcKeys: 1 });
    // A second run finds nothing left to move.
    expect(await reencryptSecrets()).toEqual({ twoFactor: 0, integrationTokens: 0, oauthAppSecrets: 0, oidcKeys: 0, oauthStates: 0 });

    // The old key can go: everything still opens under the new one alone.
    useKeys(NEW);
    const twoFactor = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(needsReencryption(twoFactor.secretEncrypted)).toBe(false);
    expect(decryptSecret(twoFactor.secretEncrypted)).toBe("JBSWY3DPEHPK3PXP");
    const connection = await prisma.integrationConnection.findFirstOrThrow({ where: { userId: user.id } });
    expect(decryptSecret(connection.accessTokenEncrypted)).toBe("xoxb-access");
    expect(decryptSecret(connection.refreshTokenEncrypted!)).toBe("xoxe-refresh");
    const stored = await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(decryptSecret(stored.clientSecretEncrypted!)).toBe("app-secret");
    expect((await loadSigningKeys()).keys[0]).toEqual(signingKey);
  });
});
