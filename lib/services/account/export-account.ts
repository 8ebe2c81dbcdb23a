import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { withDefaults, type NotificationChannel } from "@/lib/validation/notifications";

/**
 * Everything stored about the user (GDPR art. 15 and 20), as JSON. Secrets never leave:
 * no password hash, refresh-token hash, 2FA secret, backup or one-time code hash, nor any
 * OAuth or integration token; their existence is shown instead.
 */
export async function exportAccount(options: { userId: string; client?: ClientInfo }, db: DbTx = prisma) {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    include: {
      accounts: true,
      sessions: { orderBy: { createdAt: "desc" } },
      twoFactor: true,
      backupCodes: true,
      loginEvents: { orderBy: { createdAt: "desc" } },
      notificationPrefs: true,
      integrations: true,
      auditEvents: { orderBy: { createdAt: "desc" } },
      verifications: { where: { usedAt: null }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!user) throw new AppError("USER_NOT_FOUND");
  await recordAuditEvent({ userId: user.id, type: "DATA_EXPORTED", client: options.client }, db);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    exportedAt: now().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      emailVerifiedAt: iso(user.emailVerified),
      hasPassword: user.passwordHash !== null,
      name: user.name,
      firstName: user.firstName,
      lastName: user.lastName,
      phone: user.phone,
      jobTitle: user.jobTitle,
      company: user.company,
      location: user.location,
      birthDate: user.birthDate ? user.birthDate.toISOString().slice(0, 10) : null,
      bio: user.bio,
      role: user.role,
      locale: user.locale,
      image: user.image,
      userType: user.userType,
      active: user.active,
      conversationsCount: user.conversationsCount,
      hoursSaved: user.hoursSaved,
      lastPasswordChange: iso(user.lastPasswordChange),
      lastLoginAt: iso(user.lastLoginAt),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    twoFactor: user.twoFactor
      ? {
          enabled: user.twoFactor.enabledAt !== null,
          method: user.twoFactor.method,
          enabledAt: iso(user.twoFactor.enabledAt),
          backupCodesRemaining: user.backupCodes.filter((c) => c.usedAt === null).length,
        }
      : { enabled: false, method: null, enabledAt: null, backupCodesRemaining: 0 },
    socialAccounts: user.accounts.map((a) => ({ provider: a.provider, providerAccountId: a.providerAccountId, type: a.type, scope: a.scope, linkedAt: iso(a.createdAt) })),
    sessions: user.sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      method: s.method,
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
      device: s.deviceLabel,
      location: s.location,
      scopes: s.scopes,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      revokedAt: iso(s.revokedAt),
    })),
    loginHistory: user.loginEvents.map((e) => ({
      success: e.success,
      reason: e.reason,
      method: e.method,
      ipAddress: e.ipAddress,
      userAgent: e.userAgent,
      device: e.deviceLabel,
      location: e.location,
      createdAt: iso(e.createdAt),
    })),
    notificationPreferences: withDefaults(user.notificationPrefs as Partial<Record<NotificationChannel, unknown>> | null),
    integrations: user.integrations.map((i) => ({
      id: i.integrationId,
      scope: i.scope,
      externalAccount: i.externalAccount,
      connectedAt: iso(i.connectedAt),
      expiresAt: iso(i.expiresAt),
    })),
    pendingVerifications: user.verifications.map((v) => ({ purpose: v.purpose, target: v.target, createdAt: iso(v.createdAt), expiresAt: iso(v.expiresAt) })),
    securityLog: user.auditEvents.map((e) => ({ type: e.type, ipAddress: e.ipAddress, userAgent: e.userAgent, createdAt: iso(e.createdAt) })),
  };
}
