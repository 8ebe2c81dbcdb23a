import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/core/password";
import { prisma, type Db, type DbTx } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import type { Session, TwoFactor, User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { clearAttempts, releaseAttempt } from "@/lib/services/auth/attempt-budget";
import { reserveClientLoginAttempt } from "@/lib/services/auth/client-login-limit";
import { beginLoginAttempt, lockoutRemainingSeconds, settleLoginAttempt } from "@/lib/services/auth/login-lockout";
import { createSession, type IssuedTokens } from "@/lib/services/sessions/create-session";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";

export type AuthenticatedUser = User & { twoFactor: TwoFactor | null };

export type PasswordAuthentication =
  | { kind: "session"; user: AuthenticatedUser; session: Session; tokens: IssuedTokens | null }
  | { kind: "two-factor"; user: AuthenticatedUser; tempToken: string };

/**
 * Email and password sign-in for every family and the browser (docs/contracts/README.md "Error envelope", "Sessions and tokens"). An
 * unknown email and a wrong password fail alike, after a bcrypt comparison of the same
 * cost, and both count towards the account's lockout. Every attempt is recorded.
 */
export async function authenticateWithPassword(
  options: { email: string; password: string; client: ClientInfo; kind: "API" | "BROWSER" },
  db: Db = prisma,
): Promise<PasswordAuthentication> {
  const email = options.email.trim().toLowerCase();
  const attempt = { email, method: "password", client: options.client };
  // Per client address and network, before anything is compared (spraying across accounts).
  const clientAttempt = await reserveClientLoginAttempt(options.client, db);

  const user = await db.user.findUnique({ where: { email }, include: { twoFactor: true } });
  const { eventId, reservation } = await beginLoginAttempt({ ...attempt, userId: user?.id ?? null }, db);
  const settle = (outcome: { success: boolean; reason?: string }, tx: DbTx = db) => settleLoginAttempt(eventId, outcome, tx);

  const passwordMatches = await verifyPassword(options.password, user?.passwordHash);

  if (!user || !passwordMatches) {
    // The same queries whether or not the account exists, so the time does not tell.
    const userId = user?.id ?? null;
    await recordAuditEvent({ userId, type: "LOGIN_FAILED", client: options.client, metadata: { email } }, db);
    if ((await lockoutRemainingSeconds(email, db)) > 0) {
      await recordAuditEvent({ userId, type: "ACCOUNT_LOCKED", client: options.client, metadata: { email } }, db);
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  // The password is proven: its try goes back to the account's budget (attempt-budget.ts)
  // and to the client's (client-login-limit.ts).
  await Promise.all([releaseAttempt(reservation, db), clientAttempt.release()]);

  // Only a caller who knows the password learns why a valid account is refused.
  if (!user.active) {
    await settle({ success: false, reason: "ACCOUNT_DISABLED" });
    throw new AppError("ACCOUNT_DISABLED");
  }
  if (env().AUTH_REQUIRE_VERIFIED_EMAIL && !user.emailVerified) {
    await settle({ success: false, reason: "EMAIL_NOT_VERIFIED" });
    throw new AppError("EMAIL_NOT_VERIFIED");
  }

  if (user.passwordHash && needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(options.password);
    await db.user.update({ where: { id: user.id }, data: { passwordHash } });
  }

  if (user.twoFactor?.enabledAt) {
    const tempToken = await createLoginChallenge({ userId: user.id, method: "password" }, db);
    await settle({ success: false, reason: "TWO_FACTOR_PENDING" });
    return { kind: "two-factor", user, tempToken };
  }

  return db.$transaction(async (tx) => {
    const { session, tokens } = await createSession({ userId: user.id, kind: options.kind, method: "password", client: options.client }, tx);
    await settle({ success: true }, tx);
    await clearAttempts(reservation, tx);
    await recordAuditEvent({ userId: user.id, type: "LOGIN_SUCCEEDED", client: options.client, metadata: { sessionId: session.id } }, tx);
    const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: { twoFactor: true } });
    return { kind: "session" as const, user: fresh, session, tokens };
  });
}
