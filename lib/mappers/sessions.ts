import type { LoginEvent, Session } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import type { LoginEvent004, Session004 } from "@/lib/openapi/schemas/sessions";

/** 004's session: `{id, userAgent, ipAddress, createdAt, expiresAt, isCurrent}`. */
export function session004(session: Session, currentSessionId: string): z.output<typeof Session004> {
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
export function loginEvent004(event: LoginEvent): z.output<typeof LoginEvent004> {
  return {
    id: event.id,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    success: event.success,
    createdAt: event.createdAt.toISOString(),
  };
}
