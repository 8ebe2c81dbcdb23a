import type { LoginEvent, Session } from "@/lib/generated/prisma/client";

/** 004's session: `{id, userAgent, ipAddress, createdAt, expiresAt, isCurrent}`. */
export function session004(session: Session, currentSessionId: string) {
  return {
    id: session.id,
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    isCurrent: session.id === currentSessionId,
  };
}

/** 004's login history entry: `{id, ipAddress, userAgent, success, createdAt}`. */
export function loginEvent004(event: LoginEvent) {
  return {
    id: event.id,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    success: event.success,
    createdAt: event.createdAt.toISOString(),
  };
}
