import { expect } from "vitest";
import { setClock } from "@/lib/core/clock";
import { generateTotpCode, TOTP_PERIOD_SECONDS } from "@/lib/services/two-factor/totp";
import { api } from "../support/app-client";

/**
 * A hand-driven clock for 2FA tests: codes depend on the 30-second step, so each test
 * starts a few seconds into a step and moves by whole steps, never by sleeping.
 */
export function stepClock() {
  const startStep = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS) + 1;
  let at = (startStep * TOTP_PERIOD_SECONDS + 5) * 1000;
  setClock(() => new Date(at));
  return {
    now: () => new Date(at),
    advanceSteps(steps = 1) {
      at += steps * TOTP_PERIOD_SECONDS * 1000;
    },
    advanceMs(ms: number) {
      at += ms;
    },
    code(secret: string, stepsAgo = 0) {
      return generateTotpCode(secret, new Date(at - stepsAgo * TOTP_PERIOD_SECONDS * 1000));
    },
  };
}

export type StepClock = ReturnType<typeof stepClock>;

/**
 * Loads the 2FA routes and the login route once before the tests (unauthenticated calls,
 * answered 400/401), so the first test does not carry the modules' compile time under its
 * own timeout on a busy machine.
 */
export async function warmUpTwoFactorRoutes(): Promise<void> {
  await Promise.all([
    api.post("/api/auth/login", {}),
    api.post("/api/auth/2fa/enable", {}),
    api.post("/api/auth/2fa/verify", {}),
    api.post("/api/auth/2fa/disable", {}),
    api.post("/api/auth/2fa/backup-codes", {}),
    api.post("/api/users/profile/2fa/init"),
    api.post("/api/users/profile/2fa/verify", {}),
    api.post("/api/users/profile/2fa/backup-codes"),
    api.delete("/api/users/profile/2fa"),
  ]);
}

type SetupBody = { data: { secret: string; qrCode: string; manualEntryKey: string } };
type EnabledBody = { data: { backupCodes: string[] } };

/** Seed 004 steps 10 and 11 for a signed-in user; the clock then moves one step so the next code is fresh. */
export async function enableWithApi(accessToken: string, clock: StepClock): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await api.post<SetupBody>("/api/auth/2fa/enable", {}, { token: accessToken });
  expect(setup.status).toBe(200);
  const secret = setup.body.data.secret;
  const enabled = await api.post<EnabledBody>("/api/auth/2fa/enable", { token: clock.code(secret) }, { token: accessToken });
  expect(enabled.status).toBe(200);
  clock.advanceSteps(1);
  return { secret, backupCodes: enabled.body.data.backupCodes };
}
