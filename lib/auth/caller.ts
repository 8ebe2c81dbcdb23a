import "server-only";
import { verifyAccessToken } from "@/lib/core/access-token";
import { sessionIdFromCookie } from "@/lib/auth/session-cookie";
import { now } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import type { Session, User } from "@/lib/generated/prisma/client";
import { verifyOidcAccessToken } from "@/lib/oidc/access-token";
import { PERSONAL_TOKEN_PREFIX, verifyPersonalAccessToken } from "@/lib/services/personal-tokens/verify-personal-token";
import { isSessionActive } from "@/lib/services/sessions/create-session";

/**
 * Who calls an API route. First-party callers (the portal's own sign-ins: a session's JWT
 * access token or the Auth.js cookie) have a Session row; third-party callers (an OAuth app's
 * access token from the OpenID Connect provider, a personal access token) have none. What
 * each may do is the credential policy's (lib/auth/policy.ts: authorizeRequest), which every
 * route's plumbing applies.
 */
export type Caller =
  | { kind: "first-party"; user: User; session: Session; scopes: string[]; via: "bearer" | "cookie" }
  | { kind: "oauth"; user: User; scopes: string[]; via: "bearer"; clientId: string; grantId: string }
  | { kind: "pat"; user: User; scopes: string[]; via: "bearer"; tokenId: string };

export type FirstPartyCaller = Extract<Caller, { kind: "first-party" }>;

const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Who is calling, of every kind: a personal access token (`pat_...`), an OAuth app's access
 * token (opaque), else a first-party caller (see getCaller). Null when there is no valid
 * credential.
 */
export async function resolveCaller(request: Request): Promise<Caller | null> {
  const token = bearerToken(request);
  if (token?.startsWith(PERSONAL_TOKEN_PREFIX)) {
    const pat = await verifyPersonalAccessToken(token);
    return pat ? { kind: "pat", user: pat.user, scopes: pat.scopes, via: "bearer", tokenId: pat.tokenId } : null;
  }
  // Our own access tokens are JWTs; oidc-provider's are opaque (no dot).
  if (token && !token.includes(".")) {
    const oauth = await verifyOidcAccessToken(token);
    return oauth ? { kind: "oauth", via: "bearer", ...oauth } : null;
  }
  return getCaller(request);
}

/** The token of an `Authorization: Bearer <token>` header; undefined when absent or malformed. */
export function bearerToken(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  return authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : undefined;
}

/**
 * The first-party caller: the portal's own bearer access token (a JWT), else the Auth.js
 * session cookie. Both name a session row, which must be live; revoking the row stops both
 * at once. Null when there is no valid credential, and for third-party tokens (pages and
 * sign-out only know first-party callers).
 */
export async function getCaller(request: Request): Promise<FirstPartyCaller | null> {
  const authorization = request.headers.get("authorization");
  let sessionId: string | undefined;
  let userId: string | undefined;
  let scopes: string[] | undefined;
  let via: FirstPartyCaller["via"];
  if (authorization) {
    const token = bearerToken(request);
    if (!token) return null;
    const claims = await verifyAccessToken(token);
    if (!claims) return null;
    ({ sessionId, userId, scopes } = claims);
    via = "bearer";
  } else {
    sessionId = await sessionIdFromCookie(request);
    via = "cookie";
  }
  if (!sessionId) return null;

  // Every authenticated request runs this: the session and its user in one statement.
  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true }, relationLoadStrategy: "join" });
  const at = now();
  if (!session || !isSessionActive(session, at) || (userId && session.userId !== userId) || !session.user.active) return null;

  if (at.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: at } });
  }
  const { user, ...sessionRow } = session;
  return { kind: "first-party", user, session: sessionRow, scopes: scopes ?? sessionRow.scopes, via };
}
