import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { prisma } from "@/lib/db/client";
import { createOAuthApp, MAX_OAUTH_APPS_PER_USER } from "@/lib/services/oauth-apps/create-oauth-app";
import { createPersonalToken, MAX_LIVE_PERSONAL_TOKENS } from "@/lib/services/personal-tokens/create-personal-token";
import { createUser } from "../support/fixtures";

/**
 * Per-person limits under a race: with one place left, 10 simultaneous creations let exactly
 * one through (each locks the owner's row before counting). Meaningful on PostgreSQL
 * (`npm run test:postgres`); PGlite serialises them. Prints RACE lines for docs/SECURITY.md.
 */
const N = 10;

async function race<T>(name: string, attempt: () => Promise<T>) {
  const outcomes = await Promise.allSettled(Array.from({ length: N }, attempt));
  const codes = outcomes.map((o) => (o.status === "fulfilled" ? "created" : isAppError(o.reason) ? o.reason.code : String(o.reason)));
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  console.log(`RACE ${name} [${process.env.TEST_DB ?? "pglite"}]: ${N} concurrent with one place left: ${JSON.stringify(counts)}`);
  return counts;
}

describe(`${N} concurrent creations with one place left under a per-person limit`, () => {
  it(`OAuth apps: exactly one more than ${MAX_OAUTH_APPS_PER_USER - 1}, never ${MAX_OAUTH_APPS_PER_USER + 1}`, async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.oAuthApp.createMany({
      data: Array.from({ length: MAX_OAUTH_APPS_PER_USER - 1 }, (_, i) => ({ ownerId: user.id, clientId: `app_race_${user.id}_${i}`, name: `App ${i}`, redirectUris: ["https://app.example/callback"] })),
    });
    const counts = await race("oauth-app limit", () => createOAuthApp({ ownerId: user.id, name: "One more", redirectUris: ["https://app.example/callback"], confidential: true }));
    expect(counts.created).toBe(1);
    expect(counts.OAUTH_APP_LIMIT).toBe(N - 1);
    expect(await prisma.oAuthApp.count({ where: { ownerId: user.id } })).toBe(MAX_OAUTH_APPS_PER_USER);
  });

  it(`personal access tokens: exactly one more than ${MAX_LIVE_PERSONAL_TOKENS - 1} live, never ${MAX_LIVE_PERSONAL_TOKENS + 1}`, async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.personalAccessToken.createMany({
      data: Array.from({ length: MAX_LIVE_PERSONAL_TOKENS - 1 }, (_, i) => ({ userId: user.id, name: `Token ${i}`, tokenHash: `race-${user.id}-${i}`, prefix: "pat_race", scopes: ["profile"] })),
    });
    const counts = await race("personal-token limit", () => createPersonalToken({ userId: user.id, name: "One more", scopes: ["profile"], expiresInDays: 30 }));
    expect(counts.created).toBe(1);
    expect(counts.PERSONAL_TOKEN_LIMIT).toBe(N - 1);
    expect(await prisma.personalAccessToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(MAX_LIVE_PERSONAL_TOKENS);
  });
});
