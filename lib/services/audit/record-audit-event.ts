import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Security-relevant events, named once so the log can be filtered reliably. */
export type AuditEventType =
  | "USER_REGISTERED"
  | "EMAIL_VERIFIED"
  | "EMAIL_CHANGE_REQUESTED"
  | "EMAIL_CHANGED"
  | "LOGIN_SUCCEEDED"
  | "LOGIN_FAILED"
  | "ACCOUNT_LOCKED"
  | "LOGGED_OUT"
  | "SESSION_REVOKED"
  | "OTHER_SESSIONS_REVOKED"
  | "PASSWORD_CHANGED"
  | "PASSWORD_RESET_REQUESTED"
  | "PASSWORD_RESET"
  | "TWO_FACTOR_ENABLED"
  | "TWO_FACTOR_DISABLED"
  | "BACKUP_CODES_REGENERATED"
  | "BACKUP_CODE_USED"
  | "PROFILE_UPDATED"
  | "AVATAR_UPDATED"
  | "AVATAR_DELETED"
  | "SOCIAL_ACCOUNT_LINKED"
  | "INTEGRATION_CONNECTED"
  | "INTEGRATION_DISCONNECTED"
  | "OAUTH_APP_CREATED"
  | "OAUTH_APP_UPDATED"
  | "OAUTH_APP_SECRET_ROTATED"
  | "OAUTH_APP_DELETED"
  | "PERSONAL_TOKEN_CREATED"
  | "PERSONAL_TOKEN_REVOKED"
  | "NOTIFICATIONS_UPDATED"
  | "REAUTHENTICATED"
  | "EMAIL_CHANGE_CANCELLED"
  | "ACCOUNT_SECURED"
  | "DATA_EXPORTED"
  | "ACCOUNT_DELETED"
  | "OAUTH_APP_AUTHORIZED"
  | "OAUTH_APP_REVOKED";

export async function recordAuditEvent(
  options: { userId: string | null; type: AuditEventType; client?: ClientInfo; metadata?: Prisma.InputJsonValue },
  db: DbTx = prisma,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: options.userId,
      type: options.type,
      ipAddress: options.client?.ipAddress ?? null,
      userAgent: options.client?.userAgent ?? null,
      metadata: options.metadata,
    },
  });
}
