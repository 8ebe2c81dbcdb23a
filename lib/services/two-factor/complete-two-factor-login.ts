import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { prisma, type Db } from "@/lib/db/client";
import type { Session, TwoFactor, User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { clearAttempts, releaseAttempt } from "@/lib/services/auth/attempt-budget";
import { beginLoginAttempt, settleLoginAttempt } from "@/lib/services/auth/login-lockout";
import { createSession, type IssuedTokens } from "@/lib/services/sessions/create-session";
import { consumeLoginChallenge } from "@/lib/services/two-factor/login-challenge";
import { matchSecondFactor, type SecondFactor } from "@/lib/services/two-factor/verify-second-factor";
import { findLiveToken } from "@/lib/services/verification/one-time-token";
import { notifyTwoFactorChange } from "@/lib/services/two-factor/notify-two-factor-change";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";

type TwoFactorLogin = { user: User & { twoFactor: TwoFactor | null }; session: Session; tokens: IssuedTokens | null; factor: SecondFactor };

/**
 * Second step of a sign-in with 2FA on: the API's `POST /api/auth/2fa/verify` (seed 004)
 * and the browser's second screen (`kind: "BROWSER"`, no tokens: the cookie carries the
 * session). The challenge (`tempToken`) is checked without being spent, so a mistyped code
 * can be retried until it expires; wrong codes count toward the account's login lockout
 * like wrong passwords. A right code spends the challenge (once, even under concurrent
 * calls) and only then opens the session.
 */
export async function completeTwoFactorLogin(
  options: { tempToken: string; code: string; client: ClientInfo; kind?: "API" | "BROWSER"; locale?: Locale },
  db: Db = prisma,
): Promise<TwoFactorLogin> {
  const challenge = await findLiveToken("TWO_FACTOR_LOGIN", options.tempToken, db);
  const user = challenge?.userId ? await db.user.findUnique({ where: { id: challenge.userId } }) : null;
  if (!challenge || !user || !user.active) throw new AppError("TWO_FACTOR_CHALLENGE_EXPIRED");
  const firstFactor = readFirstFactor(challenge.payload);
  // Checked and recorded atomically (a per-account lock): parallel guesses of the code get
  // no more tries than sequential ones before the 429.
  // It also reserves a try of the account's budget, shared with every other password and code check.
  const { eventId, reservation } = await beginLoginAttempt({ email: user.email, userId: user.id, method: `${firstFactor}+totp`, client: options.client }, db, { factor: "code" });

  const match = await matchSecondFactor({ userId: user.id, code: options.code }, db);
  if (!match) {
    await settleLoginAttempt(eventId, { success: false, reason: "INVALID_2FA_CODE" }, db);
    await recordAuditEvent({ userId: user.id, type: "LOGIN_FAILED", client: options.client, metadata: { reason: "INVALID_2FA_CODE" } }, db);
    throw new AppError("INVALID_2FA_CODE");
  }

  const { factor } = match;
  const method = `${firstFactor}+${factor}`;
  let result: TwoFactorLogin;
  try {
    result = await db.$transaction(async (tx) => {
      if ((await consumeLoginChallenge(options.tempToken, tx)) !== user.id) throw new AppError("TWO_FACTOR_CHALLENGE_EXPIRED");
      const { session, tokens } = await createSession({ userId: user.id, kind: options.kind ?? "API", method, client: options.client }, tx);
      await settleLoginAttempt(eventId, { success: true }, tx);
      await clearAttempts(reservation, tx);
      if (factor === "backup") await tx.loginEvent.update({ where: { id: eventId }, data: { method } });
      await recordAuditEvent({ userId: user.id, type: "LOGIN_SUCCEEDED", client: options.client, metadata: { sessionId: session.id, method } }, tx);
      const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: { twoFactor: true } });
      return { user: fresh, session, tokens, factor };
    });
  } catch (error) {
    // The challenge went to a concurrent request: this attempt ends as a failure.
    await settleLoginAttempt(eventId, { success: false, reason: "TWO_FACTOR_CHALLENGE_EXPIRED" }, db);
    // The code itself was right: its try goes back.
    await releaseAttempt(reservation, db);
    throw error;
  }
  if (match.factor === "backup") {
    // A backup code is what someone holding a stolen code would use: the owner hears of it,
    // with how many are left. After the commit: a mail failure does not undo the sign-in.
    await notifyTwoFactorChange(user, "backup-code-used", options.locale ?? DEFAULT_LOCALE, { backupCodesLeft: match.backupCodesLeft });
  }
  return result;
}

function readFirstFactor(payload: unknown): string {
  const method = payload && typeof payload === "object" && "method" in payload ? payload.method : undefined;
  return typeof method === "string" ? method : "password";
}
