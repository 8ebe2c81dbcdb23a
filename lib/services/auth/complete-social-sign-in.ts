import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { isSocialProviderId } from "@/lib/services/auth/social-provider-ids";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { Session, TwoFactor, User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordLoginAttempt } from "@/lib/services/auth/login-lockout";
import { createSession, type IssuedTokens } from "@/lib/services/sessions/create-session";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";

/** How old the browser sign-in may be when it is traded for API tokens. */
export const SOCIAL_HANDOFF_WINDOW_MS = 5 * 60 * 1000;

export type SocialHandoff =
  | { kind: "session"; user: User & { twoFactor: TwoFactor | null }; session: Session; tokens: IssuedTokens }
  | { kind: "two-factor"; user: User; tempToken: string };

/**
 * The end of seed 004's OAuth flow: the browser session Auth.js just opened (a social one,
 * minutes old) is traded, once, for an API session with tokens. The browser session is
 * revoked in the same transaction, so one sign-in leaves one session, and a second visit
 * gets nothing. An account with 2FA gets the challenge instead, as a password login would.
 */
export async function completeSocialSignIn(
  options: { user: User; session: Session; client: ClientInfo },
  db: Db = prisma,
): Promise<SocialHandoff> {
  const { user, session } = options;
  const at = now();
  const fresh = at.getTime() - session.createdAt.getTime() <= SOCIAL_HANDOFF_WINDOW_MS;
  if (session.kind !== "BROWSER" || !isSocialProviderId(session.method) || !fresh) throw new AppError("UNAUTHORIZED");
  const method = session.method;

  return db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: at } });
    if (count !== 1) throw new AppError("UNAUTHORIZED");
    const twoFactor = await tx.twoFactor.findUnique({ where: { userId: user.id } });
    const attempt = { email: user.email, userId: user.id, method, client: options.client };
    if (twoFactor?.enabledAt) {
      const tempToken = await createLoginChallenge({ userId: user.id, method }, tx);
      await recordLoginAttempt({ ...attempt, success: false, reason: "TWO_FACTOR_PENDING" }, tx);
      return { kind: "two-factor" as const, user, tempToken };
    }
    const created = await createSession({ userId: user.id, kind: "API", method, client: options.client }, tx);
    await recordLoginAttempt({ ...attempt, success: true }, tx);
    await recordAuditEvent({ userId: user.id, type: "LOGIN_SUCCEEDED", client: options.client, metadata: { sessionId: created.session.id, method } }, tx);
    const withTwoFactor = await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: { twoFactor: true } });
    return { kind: "session" as const, user: withTwoFactor, session: created.session, tokens: created.tokens! };
  });
}
