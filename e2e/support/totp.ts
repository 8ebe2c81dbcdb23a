import { generateTotpCode, TOTP_PERIOD_SECONDS } from "@/lib/services/two-factor/totp";

/**
 * A code from the app's own TOTP function (what an authenticator app shows). `stepsAhead` 1
 * is the next step's code, accepted within the one-step drift and never a replay of the
 * code just used.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateTotpCode(secret, new Date(Date.now() + stepsAhead * TOTP_PERIOD_SECONDS * 1000));
}
