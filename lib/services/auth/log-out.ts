import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import type { Session, User } from "@/lib/generated/prisma/client";
import { assertOwnEmail } from "@/lib/services/profile/assert-own-email";
import { sessionIdOfRefreshToken, signOut } from "@/lib/services/sessions/sign-out";

/**
 * `POST /api/auth/logout` for 004 (bearer + `{refreshToken}`) and 003 (`{email}`, often no
 * credential at all). What it may touch:
 * - a signed-in caller's own session, and the session of a refresh token of theirs;
 * - with no valid access token, the session of the refresh token presented (holding it is
 *   the proof, so a client whose access token expired can still sign out);
 * - never an account named only by an email: a caller naming another address gets 403, an
 *   anonymous `{email}` is answered with success and changes nothing (a claim is no proof,
 *   and a different answer would tell who has an account).
 */
export async function logOut(options: {
  /** The first-party caller (lib/auth/caller.ts), if any: whose session it is. */
  caller: { user: Pick<User, "id" | "email">; session: Pick<Session, "id"> } | null;
  email?: string;
  refreshToken?: string;
  client: ClientInfo;
}): Promise<void> {
  const { caller } = options;
  const fromRefresh = options.refreshToken ? await sessionIdOfRefreshToken(options.refreshToken) : null;
  if (caller) {
    if (options.email) assertOwnEmail(options.email, caller.user.email);
    await signOut({ sessionId: caller.session.id, client: options.client });
    if (fromRefresh && fromRefresh.userId === caller.user.id) await signOut({ sessionId: fromRefresh.sessionId, client: options.client });
    return;
  }
  if (fromRefresh) await signOut({ sessionId: fromRefresh.sessionId, client: options.client });
}
