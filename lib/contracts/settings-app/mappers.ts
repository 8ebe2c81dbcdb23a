import type { z } from "zod";
import type { FullProfile } from "@/lib/services/profile/get-full-profile";
import type { LoginHistoryEntry } from "@/lib/services/profile/list-login-history";
import type { ProfileChanges } from "@/lib/services/profile/update-profile";
import type { profileUpdate000Schema } from "@/lib/validation/profile";
import type { LoginHistoryEntry000, Profile000 } from "@/lib/contracts/settings-app/answers";

/** Seed 000 (the portal's settings front end): snake_case, everything in one object. */

export function loginHistoryEntry000(entry: LoginHistoryEntry): z.output<typeof LoginHistoryEntry000> {
  return {
    timestamp: entry.createdAt.toISOString(),
    device: entry.deviceLabel,
    location: entry.location,
    status: entry.success ? ("success" as const) : ("failed" as const),
  };
}

export function profile000(profile: FullProfile): z.output<typeof Profile000> {
  const { user, twoFactor } = profile;
  const twoFactorEnabled = Boolean(twoFactor?.enabledAt);
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    job_title: user.jobTitle,
    company: user.company,
    phone: user.phone,
    avatar_url: user.image,
    last_password_change: user.lastPasswordChange?.toISOString() ?? null,
    two_factor_enabled: twoFactorEnabled,
    two_factor_method: twoFactorEnabled ? (twoFactor?.method ?? "app") : null,
    notification_preferences: profile.notificationPreferences,
    integrations: profile.integrations.map((i) => ({ id: i.id, connected: i.connected, connected_at: i.connected_at })),
    login_history: profile.loginHistory.map(loginHistoryEntry000),
  };
}

export function profileChangesFrom000(body: z.output<typeof profileUpdate000Schema>): ProfileChanges {
  return {
    firstName: body.first_name,
    lastName: body.last_name,
    email: body.email,
    jobTitle: body.job_title,
    company: body.company,
    phone: body.phone,
  };
}
