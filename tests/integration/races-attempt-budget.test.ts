import { afterEach, describe, expect, it } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { isAppError } from "@/lib/core/errors";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { reauthenticate } from "@/lib/services/auth/reauthenticate";
import { api, type AppResponse } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";

/**
 * Issue 15, items 4 and 5: every check of a password or a code (sign-in, current password,
 * deletion, re-authentication, 2FA) spends one per-account budget of five failures in 15
 * minutes, reserved before the comparison. The races are meaningful on PostgreSQL
 * (`TEST_DB=postgres`); PGlite serialises them. Each race prints its counts (RACE ...) for
 * docs/SECURITY.md.
 */
afterEach(() => setClock(undefined));

const BUDGET = 5;
const N = 100;

function tally(statuses: (number | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

function report(name: string, statuses: (number | string)[]) {
  const counts = tally(statuses);
  console.log(`RACE ${name} [${process.env.TEST_DB ?? "pglite"}]: ${statuses.length} concurrent ${JSON.stringify(counts)}`);
  return counts;
}

const statusesOf = (answers: AppResponse[]) => answers.map((a) => a.status);

async function outcomeCodes<T>(attempts: Promise<T>[]): Promise<string[]> {
  const settled = await Promise.allSettled(attempts);
  return settled.map((o) => (o.status === "fulfilled" ? "OK" : isAppError(o.reason) ? o.reason.code : String(o.reason)));
}

describe("item 4: account deletion's password check is limited", () => {
  it("after 5 wrong passwords the 6th, even right, answers 429 with Retry-After and the account still exists", async () => {
    const start = new Date("2037-03-01T09:00:00Z");
    setClock(() => start);
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    for (let i = 0; i < BUDGET; i++) {
      const wrong = await api.delete("/api/me", { password: `Wrong-Password-${i}` }, { token: accessToken });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ error: "INVALID_PASSWORD" });
    }
    const sixth = await api.delete("/api/me", { password }, { token: accessToken });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBe(String(15 * 60));
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);

    // The budget comes back once the failures leave the 15-minute window.
    setClock(() => new Date(start.getTime() + 15 * 60 * 1000 + 1000));
    const { accessToken: fresh } = await signInApi(user);
    expect((await api.delete("/api/me", { password }, { token: fresh })).status).toBe(200);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("seed 003's DELETE /api/users/profile/{email} shares it", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const url = `/api/users/profile/${encodeURIComponent(user.email)}`;
    for (let i = 0; i < BUDGET; i++) expect((await api.delete(url, { password: `Wrong-Password-${i}` }, { token: accessToken })).status).toBe(401);
    expect((await api.delete(url, { password }, { token: accessToken })).status).toBe(429);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);
  });
});

describe("one budget for every check of a password or a code", () => {
  it("3 wrong sign-in passwords + 2 wrong deletion passwords: re-authentication and sign-in are refused (429)", async () => {
    const { user, password } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    for (let i = 0; i < 3; i++) expect((await api.post("/api/auth/login", { email: user.email, password: `Wrong-Password-${i}` })).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await api.delete("/api/me", { password: `Wrong-Password-${i}` }, { token: accessToken })).status).toBe(401);

    const reauth = reauthenticate({ userId: user.id, sessionId, proof: { password }, client: UNKNOWN_CLIENT });
    await expect(reauth).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const refused = await reauth.catch((error: unknown) => error);
    expect(isAppError(refused) && Number(refused.options.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).reauthenticatedAt).toBeNull();

    const login = await api.post("/api/auth/login", { email: user.email, password });
    expect(login.status).toBe(429);
    expect(login.body).toMatchObject({ error: "ACCOUNT_LOCKED" });
    expect(login.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await api.put("/api/users/profile/password", { current_password: password, new_password: "Another-Passw0rd!" }, { token: accessToken })).status).toBe(429);
  });

  it("a right password gives its own try back but not the tries at the codes: no reset between guesses of the other factor", async () => {
    const { user, password } = await createUser();
    const { sessionId } = await signInApi(user);
    for (let i = 0; i < 4; i++) await expect(reauthenticate({ userId: user.id, sessionId, proof: { code: "123456" } })).rejects.toMatchObject({ code: "INVALID_2FA_CODE" });
    await reauthenticate({ userId: user.id, sessionId, proof: { password } });
    await expect(reauthenticate({ userId: user.id, sessionId, proof: { code: "123456" } })).rejects.toMatchObject({ code: "INVALID_2FA_CODE" });
    // Five failed codes in the window: even the right password is refused now.
    await expect(reauthenticate({ userId: user.id, sessionId, proof: { password } })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe(`${N} concurrent wrong guesses on one account: exactly ${BUDGET} are checked, the rest answer 429`, () => {
  it("item 5: PUT /api/users/profile/password with a wrong current_password", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => api.put("/api/users/profile/password", { current_password: `Wrong-Password-${i}`, new_password: "Another-Passw0rd!" }, { token: accessToken })),
    );
    const counts = report("current password", statusesOf(answers));
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503).map((a) => a.text)).toEqual([]);
    expect(counts[401]).toBe(BUDGET);
    // The rest: refused by the budget (429) or, when the burst saturates the database pool, told to retry (503).
    expect((counts[429] ?? 0) + (counts[503] ?? 0)).toBe(N - BUDGET);
    expect(answers.filter((a) => a.status === 429).every((a) => /^\d+$/.test(a.headers.get("retry-after") ?? ""))).toBe(true);
    const right = await api.put("/api/users/profile/password", { current_password: password, new_password: "Another-Passw0rd!" }, { token: accessToken });
    expect(right.status).toBe(429);
  });

  it("re-authentication with a wrong password", async () => {
    const { user, password } = await createUser();
    const { sessionId } = await signInApi(user);
    const codes = await outcomeCodes(Array.from({ length: N }, (_, i) => reauthenticate({ userId: user.id, sessionId, proof: { password: `Wrong-Password-${i}` } })));
    const counts = report("re-authentication", codes);
    expect(counts.INVALID_PASSWORD).toBe(BUDGET);
    expect((counts.TOO_MANY_REQUESTS ?? 0) + (counts.SERVICE_UNAVAILABLE ?? 0)).toBe(N - BUDGET);
    await expect(reauthenticate({ userId: user.id, sessionId, proof: { password } })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("account deletion with a wrong password: the account survives", async () => {
    const { user, password } = await createUser();
    const { accessToken } = await signInApi(user);
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => api.delete("/api/me", { password: `Wrong-Password-${i}` }, { token: accessToken })));
    const counts = report("deletion", statusesOf(answers));
    expect(counts[401]).toBe(BUDGET);
    expect((counts[429] ?? 0) + (counts[503] ?? 0)).toBe(N - BUDGET);
    expect((await api.delete("/api/me", { password }, { token: accessToken })).status).toBe(429);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("mixed: sign-in, current password, deletion and re-authentication at once share the same five", async () => {
    const { user } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    const attempts = Array.from({ length: N }, (_, i): Promise<string> => {
      const guess = `Wrong-Password-${i}`;
      const status = (p: Promise<AppResponse>) => p.then((a) => String(a.status));
      switch (i % 4) {
        case 0:
          return status(api.post("/api/auth/login", { email: user.email, password: guess }));
        case 1:
          return status(api.put("/api/users/profile/password", { current_password: guess, new_password: "Another-Passw0rd!" }, { token: accessToken }));
        case 2:
          return status(api.delete("/api/me", { password: guess }, { token: accessToken }));
        default:
          return reauthenticate({ userId: user.id, sessionId, proof: { password: guess } }).then(
            () => "200",
            (error: unknown) => (isAppError(error) ? String(error.status) : String(error)),
          );
      }
    });
    const counts = report("mixed checks", await Promise.all(attempts));
    expect(counts["401"]).toBe(BUDGET);
    expect((counts["429"] ?? 0) + (counts["503"] ?? 0)).toBe(N - BUDGET);
  });
});
