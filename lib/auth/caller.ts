import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/api/errors";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { isSameOriginWrite } from "@/lib/auth/csrf";
import type { Scope } from "@/lib/auth/scopes";
import { readCookie, SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { now } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Session, User } from "@/lib/generated/prisma/client";
import { isSessionActive } from "@/lib/services/sessions/create-session";

export type Caller = {
  user: User;
  session: Session;
  scopes: string[];
  via: "bearer" | "cookie";
};

const LAST_SEEN_RESOLUTION_MS = 60_000;

async function sessionIdFromCookie(request: Request): Promise<string | undefined> {
  const header = request.headers.get("cookie");
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readCookie(header, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
      if (payload && typeof payload.sid === "string") return payload.sid;
    } catch {
      // an unreadable cookie is no credential
    }
  }
  return undefined;
}

/**
 * Who is calling: a bearer access token, else the Auth.js session cookie. Both name a
 * session row, which must be live; revoking the row stops both at once. Answers null when
 * there is no valid credential.
 */
export async function getCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  let sessionId: string | undefined;
  let userId: string | undefined;
  let scopes: string[] | undefined;
  let via: Caller["via"];
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return null;
    const claims = await verifyAccessToken(match[1]!);
    if (!claims) return null;
    ({ sessionId, userId, scopes } = claims);
    via = "bearer";
  } else {
    sessionId = await sessionIdFromCookie(request);
    via = "cookie";
  }
  if (!sessionId) return null;

  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  const at = now();
  if (!session || !isSessionActive(session, at) || (userId && session.userId !== userId) || !session.user.active) return null;

  if (at.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: at } });
  }
  const { user, ...sessionRow } = session;
  return { user, session: sessionRow, scopes: scopes ?? sessionRow.scopes, via };
}

/**
 * The caller of a protected route, or a thrown 401/403: missing or dead credential (401
 * with `WWW-Authenticate: Bearer`), missing scope (403 insufficient_scope), cookie write
 * from another origin (403 CSRF_FAILED). Every protected route calls this itself.
 */
export async function requireCaller(request: Request, options: { scope?: Scope } = {}): Promise<Caller> {
  const caller = await getCaller(request);
  if (!caller) {
    const hadToken = request.headers.has("authorization");
    throw new AppError(hadToken ? "INVALID_TOKEN" : "UNAUTHORIZED", {
      headers: { "WWW-Authenticate": hadToken ? 'Bearer error="invalid_token"' : 'Bearer realm="api"' },
    });
  }
  if (caller.via === "cookie" && !isSameOriginWrite(request)) throw new AppError("CSRF_FAILED");
  if (options.scope && !caller.scopes.includes(options.scope)) {
    throw new AppError("INSUFFICIENT_SCOPE", {
      headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${options.scope}"` },
    });
  }
  return caller;
}
