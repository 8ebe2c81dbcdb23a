import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { request } from "@/tests/support/app-client";
import { createUser } from "@/tests/support/fixtures";

/**
 * The daily purge (Vercel Cron → GET /api/cron/purge-expired): only its bearer secret gets
 * in, and it deletes exactly the rows past their expiry, nothing live.
 */
const SECRET = "cron-secret-for-tests-0123456789";
const call = (authorization?: string) => request("GET", "/api/cron/purge-expired", { headers: authorization ? { authorization } : {} });

beforeAll(() => {
  process.env.CRON_SECRET = SECRET;
  resetEnv();
});
afterAll(() => {
  delete process.env.CRON_SECRET;
  resetEnv();
});

describe("GET /api/cron/purge-expired", () => {
  it("refuses a call without the cron secret, with a wrong one, and whenever no secret is configured", async () => {
    expect((await call()).status).toBe(401);
    expect((await call(`Bearer ${SECRET}x`)).status).toBe(401);
    expect((await call(`Bearer ${SECRET.slice(0, -1)}`)).status).toBe(401);
    delete process.env.CRON_SECRET;
    resetEnv();
    try {
      expect((await call(`Bearer ${SECRET}`)).status).toBe(401);
      expect((await call("Bearer undefined")).status).toBe(401);
    } finally {
      process.env.CRON_SECRET = SECRET;
      resetEnv();
    }
  });

  it("deletes what has expired and keeps everything live", async () => {
    const { user } = await createUser();
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    const tag = user.id;
    await prisma.verification.createMany({
      data: [
        { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: `expired-${tag}`, expiresAt: past },
        { userId: user.id, purpose: "EMAIL_VERIFY", tokenHash: `expired-used-${tag}`, expiresAt: past, usedAt: past },
        { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: `live-${tag}`, expiresAt: future },
        // Used but not yet expired: its usedAt is what refuses a replay, so it stays.
        { userId: user.id, purpose: "EMAIL_VERIFY", tokenHash: `live-used-${tag}`, expiresAt: future, usedAt: past },
      ],
    });
    await prisma.verificationToken.createMany({ data: [{ identifier: tag, token: `old-${tag}`, expires: past }, { identifier: tag, token: `new-${tag}`, expires: future }] });
    await prisma.rateLimit.createMany({ data: [{ key: `ended:${tag}`, count: 9, resetAt: past }, { key: `running:${tag}`, count: 3, resetAt: future }] });
    await prisma.oidcPayload.createMany({
      data: [
        { id: `old-${tag}`, type: "AuthorizationCode", payload: {}, expiresAt: past },
        { id: `new-${tag}`, type: "AuthorizationCode", payload: {}, expiresAt: future },
        { id: `grant-${tag}`, type: "Grant", payload: {}, expiresAt: null },
      ],
    });

    const answer = await call(`Bearer ${SECRET}`);
    expect(answer.status).toBe(200);
    const purged = (answer.body as { purged: Record<string, number> }).purged;
    expect(purged.verifications).toBeGreaterThanOrEqual(2);
    expect(purged.authjsTokens).toBeGreaterThanOrEqual(1);
    expect(purged.rateLimits).toBeGreaterThanOrEqual(1);
    expect(purged.oidcRecords).toBeGreaterThanOrEqual(1);

    expect((await prisma.verification.findMany({ where: { userId: user.id }, orderBy: { tokenHash: "asc" } })).map((v) => v.tokenHash)).toEqual([`live-${tag}`, `live-used-${tag}`]);
    expect((await prisma.verificationToken.findMany({ where: { identifier: tag } })).map((t) => t.token)).toEqual([`new-${tag}`]);
    expect((await prisma.rateLimit.findMany({ where: { key: { endsWith: tag } } })).map((r) => r.key)).toEqual([`running:${tag}`]);
    expect((await prisma.oidcPayload.findMany({ where: { id: { endsWith: tag } }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual([`grant-${tag}`, `new-${tag}`]);
    // The user and their account are untouched.
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);
  });
});
