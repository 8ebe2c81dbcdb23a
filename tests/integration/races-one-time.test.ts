import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { LOCKOUT_MAX_FAILURES } from "@/lib/services/auth/login-lockout";
import { api, type AppResponse } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, signInApi, tokenIn, uniqueEmail } from "../support/fixtures";
import { enableWithApi, stepClock, warmUpTwoFactorRoutes } from "./two-factor-helpers";

/**
 * Races: 20 simultaneous uses of one single-use secret (reset token, email verification
 * token, backup code, TOTP code, 2FA temp token) let exactly one through; 100 simultaneous
 * wrong passwords on one account let no more than the lockout's allowance reach the
 * password check. Meaningful on PostgreSQL (`npm run test:postgres`, real concurrency);
 * PGlite serialises them. Each test prints its counts (RACE ...) for docs/SECURITY.md.
 */
beforeAll(warmUpTwoFactorRoutes);
afterEach(() => setClock(undefined));

const N = 20;

function tally(answers: AppResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

function report(name: string, answers: AppResponse[]) {
  const counts = tally(answers);
  console.log(`RACE ${name} [${process.env.TEST_DB ?? "pglite"}]: ${answers.length} concurrent, ${counts[200] ?? 0} succeeded, ${answers.length - (counts[200] ?? 0)} refused ${JSON.stringify(counts)}`);
  expect(answers.filter((a) => a.status >= 500 && a.status !== 503).map((a) => a.text)).toEqual([]);
  return counts;
}

async function twoFactorUser() {
  const clock = stepClock();
  const { user } = await createUser();
  const { accessToken } = await signInApi(user);
  const { secret, backupCodes } = await enableWithApi(accessToken, clock);
  return { user, clock, secret, backupCodes };
}

async function tempTokenFor(email: string): Promise<string> {
  const login = await api.post<{ tempToken?: string }>("/api/auth/login", { email, password: DEFAULT_PASSWORD });
  expect(login.status).toBe(200);
  return login.body.tempToken!;
}

/** Challenges opened one after the other (only the second step is raced). */
async function tempTokens(email: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push(await tempTokenFor(email));
  return tokens;
}

describe(`${N} concurrent uses of one single-use secret: exactly one succeeds`, () => {
  it("password reset token", async () => {
    const { user } = await createUser();
    expect((await api.post("/api/auth/forgot-password", { email: user.email })).status).toBe(200);
    const token = tokenIn((await latestEmail(user.email))!);
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => api.post("/api/auth/reset-password", { token, newPassword: `Race-${i}-Password!` })));
    const counts = report("reset token", answers);
    expect(counts[200]).toBe(1);
    // The others: refused as used (400), or told to retry when the burst saturates the
    // database pool on a loaded machine (503, nothing done).
    expect((counts[400] ?? 0) + (counts[503] ?? 0)).toBe(N - 1);
    const winner = answers.findIndex((a) => a.status === 200);
    expect((await api.post("/api/auth/login", { email: user.email, password: `Race-${winner}-Password!` })).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: { in: ["PASSWORD_RESET", "PASSWORD_CHANGED"] } } })).toBe(1);
  });

  it("email verification token", async () => {
    const email = uniqueEmail("race-verify");
    expect((await api.post("/api/auth/register", { email, password: "SecurePassword123!" })).status).toBe(201);
    const token = tokenIn((await latestEmail(email))!);
    const answers = await Promise.all(Array.from({ length: N }, () => api.post("/api/auth/verify", { token })));
    const counts = report("verification token", answers);
    expect(counts[200]).toBe(1);
    expect((counts[400] ?? 0) + (counts[503] ?? 0)).toBe(N - 1);
    expect(await prisma.auditEvent.count({ where: { type: "EMAIL_VERIFIED", user: { email } } })).toBe(1);
  });

  it("backup code (each attempt with its own temp token)", async () => {
    const { user, backupCodes } = await twoFactorUser();
    const tokens = await tempTokens(user.email, N);
    const answers = await Promise.all(tokens.map((tempToken) => api.post("/api/auth/2fa/verify", { tempToken, token: backupCodes[0] })));
    const counts = report("backup code", answers);
    expect(counts[200]).toBe(1);
    expect(await prisma.backupCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id, method: "password+backup" } })).toBe(1);
  });

  it("TOTP code (each attempt with its own temp token)", async () => {
    const { user, clock, secret } = await twoFactorUser();
    const tokens = await tempTokens(user.email, N);
    const code = clock.code(secret);
    const answers = await Promise.all(tokens.map((tempToken) => api.post("/api/auth/2fa/verify", { tempToken, token: code })));
    const counts = report("TOTP code", answers);
    expect(counts[200]).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id, method: "password+totp" } })).toBe(1);
  });

  it("2FA temp token (one challenge, each attempt with a different valid code)", async () => {
    const { user, clock, secret, backupCodes } = await twoFactorUser();
    const tempToken = await tempTokenFor(user.email);
    // 11 distinct valid codes (8 backup codes, the TOTP of this step and its two neighbours), cycled.
    const codes = [...backupCodes, clock.code(secret, 1), clock.code(secret), clock.code(secret, -1)];
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => api.post("/api/auth/2fa/verify", { tempToken, token: codes[i % codes.length] })));
    const counts = report("temp token", answers);
    expect(counts[200]).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id, method: { startsWith: "password+" } } })).toBe(1);
  });
});

describe("100 concurrent wrong passwords on one account", () => {
  it(`admits at most ${LOCKOUT_MAX_FAILURES} to the password check, then refuses the right password while locked`, async () => {
    const { user, password } = await createUser();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => api.post("/api/auth/login", { email: user.email, password: `wrong-password-${i}` })));
    const counts = report("wrong passwords", answers);
    // 401 = the password was checked and found wrong; 429 = refused by the lockout before any check.
    const admitted = await prisma.loginEvent.count({ where: { email: user.email, reason: "INVALID_CREDENTIALS" } });
    const locked = await prisma.loginEvent.count({ where: { email: user.email, reason: "LOCKED" } });
    console.log(`RACE lockout [${process.env.TEST_DB ?? "pglite"}]: 100 concurrent wrong passwords, ${admitted} admitted to the password check (limit ${LOCKOUT_MAX_FAILURES}), ${locked} refused as locked`);
    expect(counts[401]).toBe(admitted);
    expect(admitted).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect(admitted).toBeGreaterThan(0);
    // The rest are refused by the lockout (429) or, when the database's connection pool is
    // saturated by the burst, told to retry (503 SERVICE_UNAVAILABLE): never a 5xx bug.
    expect((counts[429] ?? 0) + (counts[503] ?? 0)).toBe(100 - admitted);
    const right = await api.post("/api/auth/login", { email: user.email, password });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
