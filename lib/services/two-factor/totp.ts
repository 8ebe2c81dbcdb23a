import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import { now } from "@/lib/core/clock";
import { env } from "@/lib/core/env";

/**
 * TOTP as authenticator apps implement it (RFC 6238): SHA-1, 6 digits, 30-second steps.
 * Everything reads `now()` so tests can move time instead of waiting.
 */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous and next step are accepted too: phones' clocks drift. */
export const TOTP_DRIFT_STEPS = 1;

const TOTP_CODE = /^\d{6}$/;

function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** The step number a moment falls in (what `TwoFactor.lastUsedStep` records). */
export function totpStep(at: Date = now()): number {
  return Math.floor(epochSeconds(at) / TOTP_PERIOD_SECONDS);
}

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommendation). */
export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI the QR code carries: the portal's name as issuer, the email as label. */
export function totpUri(options: { secret: string; accountName: string }): string {
  return generateURI({ issuer: env().APP_NAME, label: options.accountName, secret: options.secret });
}

/** The code an authenticator app shows at `at`; tests and e2e make their codes with it. */
export function generateTotpCode(secret: string, at: Date = now()): string {
  return generateSync({ secret, epoch: epochSeconds(at), period: TOTP_PERIOD_SECONDS });
}

export function isTotpCodeShape(code: string): boolean {
  return TOTP_CODE.test(code);
}

/**
 * The step a code belongs to when it is valid at `at` (within the drift window) and later
 * than `afterStep`, otherwise null. The caller records the step so the code cannot be
 * replayed; otplib compares in constant time.
 */
export function matchTotpCode(options: { secret: string; code: string; at?: Date; afterStep?: number | null }): number | null {
  if (!isTotpCodeShape(options.code)) return null;
  const epoch = epochSeconds(options.at ?? now());
  try {
    const result = verifySync({
      secret: options.secret,
      token: options.code,
      epoch,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SECONDS,
      ...(options.afterStep != null ? { afterTimeStep: options.afterStep } : {}),
    });
    // The functional API types TOTP and HOTP results together; a TOTP match carries its step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws when afterTimeStep lies beyond the window (the clock went back): every
    // code of the window is then a replay.
    return null;
  }
}
