import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, latestEmail, uniqueEmail } from "../support/fixtures";

/**
 * Issue 15, items 8 and 9: what a request says about where it comes from is believed only
 * from a configured proxy, parsed as an address, and never reaches an email as text; and
 * failed sign-ins are limited per client address and per address prefix.
 */

const ENV_KEYS = ["TRUSTED_PROXY_HOPS", "APP_URL"] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnv();
});

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  Object.assign(process.env, values);
  resetEnv();
}

const WRONG = "Wrong-Password-1";
const FORGED_CITY = "Paris. SECURITY TEAM: visit https://evil.example/reset";
const FORGED_IP = "<script>alert(1)</script>";
const FORGED_TEXT = /SECURITY|evil\.example|<script|<img|alert\(/;

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  api.post<{ accessToken?: string }>("/api/auth/login", { email, password }, { headers });

describe("forged client headers (item 9)", () => {
  it("a login with a forged X-Real-IP and city records neither, and the password-changed email carries none of it", async () => {
    const { user, password } = await createUser();
    const headers = {
      "x-real-ip": FORGED_IP,
      "x-forwarded-for": "<img src=x onerror=alert(1)>",
      "x-vercel-ip-city": encodeURIComponent(FORGED_CITY),
      "x-vercel-ip-country": "FR",
      "user-agent": FORGED_CITY,
    };
    expect((await login(user.email, WRONG, headers)).status).toBe(401);
    const signedIn = await login(user.email, password, headers);
    expect(signedIn.status).toBe(200);

    const changed = await api.post(
      "/api/auth/change-password",
      { currentPassword: password, newPassword: "An0ther-Passphrase!" },
      { token: signedIn.body.accessToken, headers },
    );
    expect(changed.status).toBe(200);

    const events = await prisma.loginEvent.findMany({ where: { userId: user.id } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    for (const row of [...events, ...sessions]) {
      for (const value of [row.ipAddress, row.location, row.deviceLabel]) expect(value ?? "").not.toMatch(FORGED_TEXT);
    }
    // The user agent is kept as sent (the API lists it as such); the address is not.
    const audit = await prisma.auditEvent.findMany({ where: { userId: user.id } });
    for (const row of audit) expect(row.ipAddress ?? "").not.toMatch(FORGED_TEXT);

    const mail = await latestEmail(user.email);
    expect(mail?.subject).toMatch(/mot de passe|password/i);
    expect(mail!.text).not.toMatch(FORGED_TEXT);
    expect(mail!.html).not.toMatch(FORGED_TEXT);
  });

  it("shows an IPv4 client as IPv4, not as ::ffff:127.0.0.1", async () => {
    const { user, password } = await createUser();
    expect((await login(user.email, password, { "x-forwarded-for": "::ffff:192.0.2.44" })).status).toBe(200);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.ipAddress).toBe("192.0.2.44");
  });

  it("behind one trusted proxy, the address that proxy appended is the client's, whatever the client wrote before it", async () => {
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const { user, password } = await createUser();
    expect((await login(user.email, password, { "x-real-ip": "6.6.6.6", "x-forwarded-for": "6.6.6.6, 203.0.113.80" })).status).toBe(200);
    const event = await prisma.loginEvent.findFirstOrThrow({ where: { userId: user.id } });
    expect(event.ipAddress).toBe("203.0.113.80");
  });
});

describe("failed sign-ins limited per client (item 8)", () => {
  it("one client spraying wrong passwords over 30 accounts gets 429 before the 30th; another client is not affected", { timeout: 120_000 }, async () => {
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const accounts = await Promise.all(Array.from({ length: 31 }, () => createUser()));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      // The attacker rotates what it writes itself; the proxy appends the real address.
      const res = await login(accounts[i]!.user.email, WRONG, { "x-forwarded-for": `10.9.${i}.1, 203.0.113.50` });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get("retry-after");
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(firstRefusal).toBeLessThan(29);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
    // Refused before the password is compared: even the right one gets 429 from this client.
    expect((await login(accounts[30]!.user.email, accounts[30]!.password, { "x-forwarded-for": "203.0.113.50" })).status).toBe(429);

    // Another client, even on a neighbouring address, signs in and fails as usual.
    const other = { "x-forwarded-for": "198.51.100.7" };
    expect((await login(accounts[30]!.user.email, WRONG, other)).status).toBe(401);
    expect((await login(accounts[30]!.user.email, accounts[30]!.password, other)).status).toBe(200);
  });

  it("counts failures only: successful sign-ins give their reservation back", { timeout: 120_000 }, async () => {
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const { user, password } = await createUser();
    const headers = { "x-forwarded-for": "203.0.113.61" };
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await login(uniqueEmail("spray"), WRONG, headers)).status);
    for (let i = 0; i < 10; i++) statuses.push((await login(user.email, password, headers)).status);
    for (let i = 0; i < 5; i++) statuses.push((await login(uniqueEmail("spray"), WRONG, headers)).status);
    expect(statuses).toEqual([...Array(15).fill(401), ...Array(10).fill(200), ...Array(5).fill(401)]);
    expect((await login(uniqueEmail("spray"), WRONG, headers)).status).toBe(429);
  });

  it("limits a whole /24 in total, so rotating addresses inside it does not escape", { timeout: 180_000 }, async () => {
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const statuses: number[] = [];
    for (let i = 0; i < 102; i++) {
      // Six addresses, 17 tries each: each stays under the per-address limit.
      statuses.push((await login(uniqueEmail("spray"), WRONG, { "x-forwarded-for": `192.0.2.${(i % 6) + 1}` })).status);
    }
    expect(statuses.slice(0, 100).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(100)).toEqual([429, 429]);
    expect((await login(uniqueEmail("spray"), WRONG, { "x-forwarded-for": "192.0.3.1" })).status).toBe(401);
  });

  it("the browser sign-in (Auth.js credentials) obeys the same limit", { timeout: 120_000 }, async () => {
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const headers = { "x-forwarded-for": "203.0.113.90" };
    for (let i = 0; i < 20; i++) expect((await login(uniqueEmail("spray"), WRONG, headers)).status).toBe(401);
    const { user, password } = await createUser();
    const csrf = await api.get<{ csrfToken: string }>("/api/auth/csrf");
    const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const response = await api.request("POST", "/api/auth/callback/password", {
      body: new URLSearchParams({ email: user.email, password, csrfToken: csrf.body.csrfToken, callbackUrl: "/settings/profile" }),
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie },
    });
    expect(new URL(response.headers.get("location") ?? "http://x/").searchParams.get("code")).toBe("TOO_MANY_REQUESTS");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a client with no known address is not put in a bucket shared with everyone", { timeout: 120_000 }, async () => {
    // No forwarded header at all (and no trusted proxy): nothing tells clients apart.
    const counters = await prisma.rateLimit.count({ where: { key: { startsWith: "login-failure:" } } });
    for (let i = 0; i < 30; i++) expect((await login(uniqueEmail("anon"), WRONG)).status).toBe(401);
    const { user, password } = await createUser();
    expect((await login(user.email, password)).status).toBe(200);
    expect(await prisma.rateLimit.count({ where: { key: { startsWith: "login-failure:" } } })).toBe(counters);
  });
});

describe("loopback is exempt from per-address limits only on a local run", () => {
  it("a deployment with a public URL limits a loopback address like any other (an undeclared proxy must not switch the limit off)", { timeout: 120_000 }, async () => {
    setEnv({ APP_URL: "https://portal.example.com" });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await api.post("/api/auth/forgot-password", { email: uniqueEmail("local") }, { headers: { "x-forwarded-for": "::ffff:127.0.0.1" } })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(await prisma.rateLimit.findUnique({ where: { key: "password-reset:ip:127.0.0.1" } })).toMatchObject({ count: 31 });

    const failures: number[] = [];
    for (let i = 0; i < 21; i++) failures.push((await login(uniqueEmail("local"), WRONG, { "x-forwarded-for": "127.0.0.1" })).status);
    expect(failures.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(failures[20]).toBe(429);
  });

  it("a local run (APP_URL on localhost) does not limit its own loopback callers by address", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 25; i++) expect((await login(uniqueEmail("local"), WRONG, { "x-forwarded-for": "127.0.0.1" })).status).toBe(401);
  });
});
