import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 000 (the portal's settings front end): snake_case profile. Describes `lib/mappers/profile-000.ts`. */

const channel = (example: Record<string, boolean>) => z.record(z.string(), z.boolean()).meta({ example });

export const NotificationPreferences = z
  .object({
    email: channel({ newMessages: true, interviewReminders: true, weeklyReports: true, marketingEmails: false }),
    push: channel({ newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: true }),
    desktop: channel({ newMessages: true, interviewReminders: true, candidateUpdates: false, teamNotifications: true }),
  })
  .meta({ id: "NotificationPreferences", description: "One switch per preference, per channel." });

export const LoginHistoryEntry = z
  .object({
    timestamp,
    device: z.string().nullable().meta({ example: "Chrome/Windows" }),
    location: z.string().nullable().meta({ example: "Paris, France" }),
    status: z.enum(["success", "failed"]),
  })
  .meta({ id: "LoginHistoryEntry" });

export const ProfileIntegrationSummary = z
  .object({ id: z.string().meta({ example: "calendar" }), connected: z.boolean(), connected_at: timestamp.nullable() })
  .meta({ id: "ProfileIntegrationSummary" });

export const Profile000 = z
  .object({
    id,
    first_name: z.string().nullable().meta({ example: "Jean" }),
    last_name: z.string().nullable().meta({ example: "Dupont" }),
    email,
    job_title: z.string().nullable().meta({ example: "Recruteur Senior" }),
    company: z.string().nullable().meta({ example: "Acme Inc" }),
    phone: z.string().nullable().meta({ example: "+33612345678" }),
    avatar_url: z.string().nullable().meta({ example: "https://example.com/avatars/123.jpg" }),
    last_password_change: timestamp.nullable(),
    two_factor_enabled: z.boolean(),
    two_factor_method: z.string().nullable().meta({ example: "app" }),
    notification_preferences: NotificationPreferences,
    integrations: z.array(ProfileIntegrationSummary),
    login_history: z.array(LoginHistoryEntry),
  })
  .meta({ id: "Profile000", description: "The complete profile of the settings front end (seed 000)." });
export type Profile000 = z.infer<typeof Profile000>;

export const AvatarAnswer000 = z
  .object({ avatar_url: z.string().meta({ example: "https://example.com/avatars/123.jpg" }), message })
  .meta({ id: "AvatarAnswer000" });
export type AvatarAnswer000 = z.infer<typeof AvatarAnswer000>;

export const PasswordChangedAnswer000 = z
  .object({ message, last_password_change: timestamp })
  .meta({ id: "PasswordChangedAnswer000" });
export type PasswordChangedAnswer000 = z.infer<typeof PasswordChangedAnswer000>;

export const LoginHistoryAnswer000 = z.array(LoginHistoryEntry).meta({ id: "LoginHistoryAnswer000" });
export type LoginHistoryAnswer000 = z.infer<typeof LoginHistoryAnswer000>;

export const TwoFactorInitAnswer000 = z
  .object({
    qrCode: z.string().meta({ description: "A `data:image/png;base64,...` URL.", example: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA..." }),
    secretKey: z.string().meta({ example: "JBSWY3DPEHPK3PXP" }),
    backupCodes: z.array(z.string()).meta({ description: "Eight single-use codes of 8 digits.", example: ["12345678", "23456789"] }),
    method: z.literal("app"),
  })
  .meta({ id: "TwoFactorInitAnswer000" });
export type TwoFactorInitAnswer000 = z.infer<typeof TwoFactorInitAnswer000>;

export const SuccessMessage000 = z.object({ success: successTrue, message }).meta({ id: "SuccessMessage000" });
