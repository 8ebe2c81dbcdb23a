import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { listIntegrations, type IntegrationListing } from "@/lib/services/integrations/list-integrations";
import { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";
import { getProfile, type Profile } from "@/lib/services/profile/get-profile";
import { listLoginHistory, type LoginHistoryEntry } from "@/lib/services/login-events/list-login-history";
import type { NotificationPreferences } from "@/lib/validation/notifications";

export const EMBEDDED_LOGIN_HISTORY = 10;

export type FullProfile = Profile & {
  notificationPreferences: NotificationPreferences;
  integrations: IntegrationListing[];
  loginHistory: LoginHistoryEntry[];
};

/** Seed 000's complete profile: the user with preferences, integrations and recent sign-ins. */
export async function getFullProfile(userId: string, locale: Locale, db: DbTx = prisma): Promise<FullProfile> {
  const profile = await getProfile(userId, db);
  const [notificationPreferences, integrations, loginHistory] = await Promise.all([
    getNotificationPreferences(userId, db),
    listIntegrations(userId, locale, db),
    listLoginHistory({ userId, limit: EMBEDDED_LOGIN_HISTORY }, db),
  ]);
  return { ...profile, notificationPreferences, integrations, loginHistory };
}
