import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiRoute, loggablePath } from "@/lib/api/handler";
import { setClock } from "@/lib/core/clock";
import { logger } from "@/lib/core/logger";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { latestEmail, linkIn, tokenIn, uniqueEmail } from "../support/fixtures";
import { stepClock, warmUpTwoFactorRoutes } from "./two-factor-helpers";

/**
 * Security suite, logs: a sign-up, sign-ins (right and wrong password), a 2FA login (wrong
 * code, TOTP, backup code), a password reset and a token refresh run with every log level
 * on, while everything written to the console is captured. No password, code, token,
 * secret or emailed link appears in it.
 */
const lines: string[] = [];
const saved = process.env.LOG_LEVEL;

beforeAll(async () => {
  await warmUpTwoFactorRoutes();
  process.env.LOG_LEVEL = "debug";
  resetEnv();
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(" "));
    });
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = saved;
  resetEnv();
  setClock(undefined);
});

type Tokens = { accessToken: string; refreshToken: string };

describe("logs never hold passwords, codes, tokens or links", () => {
  it("through sign-up, sign-in, 2FA, reset and refresh", async () => {
    const secrets: string[] = [];
    const keep = (...values: (string | undefined)[]) => {
      for (const v of values) if (v) secrets.push(v);
    };
    const email = uniqueEmail("logs");
    const password = "Log-Secret-Passw0rd!";
    const wrong = "Wrong-Secret-Passw0rd!";
    const newPassword = "Log-New-Passw0rd-2!";
    keep(password, wrong, newPassword);

    const registered = await api.post<{ data: { tokens: Tokens } }>("/api/auth/register", { email, password });
    expect(registered.status).toBe(201);
    keep(registered.body.data.tokens.accessToken, registered.body.data.tokens.refreshToken);
    const verification = (await latestEmail(email))!;
    keep(tokenIn(verification), linkIn(verification, "token="));

    expect((await api.post("/api/auth/login", { email, password: wrong })).status).toBe(401);
    const login = await api.post<{ data: { tokens: Tokens } }>("/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    const { accessToken, refreshToken } = login.body.data.tokens;
    keep(accessToken, refreshToken);

    const refreshed = await api.post<{ data: { accessToken: string } }>("/api/auth/refresh", { refreshToken });
    expect(refreshed.status).toBe(200);
    const fresh = refreshed.body.data.accessToken;
    keep(fresh);

    // 2FA: set-up, then a login with a wrong code, the TOTP code and a backup code.
    const clock = stepClock();
    const setup = await api.post<{ data: { secret: string } }>("/api/auth/2fa/enable", {}, { token: fresh });
    expect(setup.status).toBe(200);
    const secret = setup.body.data.secret;
    const firstCode = clock.code(secret);
    const enabled = await api.post<{ data: { backupCodes: string[] } }>("/api/auth/2fa/enable", { token: firstCode }, { token: fresh });
    expect(enabled.status).toBe(200);
    keep(secret, firstCode, ...enabled.body.data.backupCodes);
    clock.advanceSteps(1);
    const challenge = await api.post<{ tempToken: string }>("/api/auth/login", { email, password });
    keep(challenge.body.tempToken);
    const code = clock.code(secret);
    const wrongCode = code === "000000" ? "111111" : "000000";
    keep(code);
    expect((await api.post("/api/auth/2fa/verify", { tempToken: challenge.body.tempToken, token: wrongCode })).status).toBe(401);
    const second = await api.post<{ data: { tokens: Tokens } }>("/api/auth/2fa/verify", { tempToken: challenge.body.tempToken, token: code });
    expect(second.status).toBe(200);
    keep(second.body.data.tokens.accessToken, second.body.data.tokens.refreshToken);
    const backupChallenge = await api.post<{ tempToken: string }>("/api/auth/login", { email, password });
    keep(backupChallenge.body.tempToken);
    expect((await api.post("/api/auth/2fa/verify", { tempToken: backupChallenge.body.tempToken, token: enabled.body.data.backupCodes[0] })).status).toBe(200);
    setClock(undefined);

    // Password reset from the emailed link, then a sign-in with the new password.
    expect((await api.post("/api/auth/forgot-password", { email })).status).toBe(200);
    const reset = (await latestEmail(email))!;
    const resetToken = tokenIn(reset);
    keep(resetToken, linkIn(reset, "token="));
    expect((await api.get(`/api/auth/password-reset/verify/${resetToken}`)).status).toBe(200);
    expect((await api.post("/api/auth/reset-password", { token: resetToken, newPassword })).status).toBe(200);
    expect((await api.post("/api/auth/login", { email, password: newPassword })).status).toBe(200);

    // The capture works (a logger line at the lowest level reaches it).
    logger.debug("security-logs probe");
    expect(lines.some((l) => l.includes("security-logs probe"))).toBe(true);
    const log = lines.join("\n");
    const found = [...new Set(secrets)].filter((s) => log.includes(s));
    process.stderr.write(`SECURITY logs: ${lines.length} lines captured, ${new Set(secrets).size} secrets checked, ${found.length} found\n`);
    expect(found).toEqual([]);
  });

  it("an unexpected error on a route whose path holds a token logs the path with the token redacted", async () => {
    const token = "a".repeat(64);
    const route = apiRoute(async () => {
      throw new Error("boom");
    });
    const before = lines.length;
    const res = await route(new Request(`http://localhost:3000/api/auth/password-reset/reset/${token}?x=${token}`, { method: "POST" }));
    expect(res.status).toBe(500);
    const written = lines.slice(before).join("\n");
    expect(written).toContain("/api/auth/password-reset/reset/[redacted]");
    expect(written).not.toContain(token);
    expect(loggablePath("http://x/api/users/profile/a%40b.c")).toBe("/api/users/profile/a%40b.c");
    expect(loggablePath("http://x/api/verification/verify/eyJhbGciOi.eyJzdWIiOi.sig")).toBe("/api/verification/verify/[redacted]");
  });
});
