import "server-only";
import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/contracts/shared/primitives";
import { backupCodes, qrCode, secret } from "@/lib/contracts/shared/two-factor-answers";
import { DEFAULT_NOTIFICATION_PREFERENCES, NOTIFICATION_CHANNELS, type NotificationChannel } from "@/lib/validation/notifications";

/** Seed 000 (the portal's settings front end): snake_case. Describes `lib/contracts/settings-app/mappers.ts`. */

function channel(name: NotificationChannel) {
  const shape = Object.fromEntries(NOTIFICATION_CHANNELS[name].map((key) => [key, z.boolean()]));
  return z.object(shape).meta({ example: DEFAULT_NOTIFICATION_PREFERENCES[name] });
}

/** `getNotificationPreferences`: every switch of every channel (defaults filled in). */
export const NotificationPreferences = z
  .object({ email: channel("email"), push: channel("push"), desktop: channel("desktop") })
  .meta({ id: "NotificationPreferences", description: "One switch per preference, per channel." });

/** `loginHistoryEntry000`. */
export const LoginHistoryEntry000 = z
  .object({
    timestamp,
    device: z.string().nullable().meta({ example: "Chrome/Windows" }),
    location: z.string().nullable().meta({ example: "Paris, France" }),
    status: z.enum(["success", "failed"]),
  })
  .meta({ id: "LoginHistoryEntry000" });

export const LoginHistory000 = z.array(LoginHistoryEntry000).meta({ id: "LoginHistory000", description: "Sign-ins, newest first." });
export type LoginHistory000 = z.infer<typeof LoginHistory000>;

/** `profile000`. */
export const Profile000 = z
  .object({
    id,
    first_name: z.string().nullable().meta({ example: "Jean" }),
    last_name: z.string().nullable().meta({ example: "Dupont" }),
    email: email.meta({ example: "jean.dupont@example.com" }),
    job_title: z.string().nullable().meta({ example: "Recruteur Senior" }),
    company: z.string().nullable().meta({ example: "Acme Inc" }),
    phone: z.string().nullable().meta({ example: "+33612345678" }),
    avatar_url: z.string().nullable().meta({ example: "https://example.com/avatars/123.jpg" }),
    last_password_change: timestamp.nullable(),
    two_factor_enabled: z.boolean(),
    two_factor_method: z.string().nullable().meta({ example: "app" }),
    notification_preferences: NotificationPreferences,
    integrations: z.array(
      z.object({ id: z.string().meta({ example: "calendar" }), connected: z.boolean(), connected_at: timestamp.nullable() }),
    ),
    login_history: z.array(LoginHistoryEntry000),
  })
  .meta({ id: "Profile000", description: "The complete profile of the settings front end." });
export type Profile000 = z.infer<typeof Profile000>;

/** `POST /api/users/profile/avatar`. */
export const AvatarUpdated000 = z
  .object({ avatar_url: z.string().nullable().meta({ example: "https://example.com/avatars/123.jpg" }), message })
  .meta({ id: "AvatarUpdated000", description: "Message: « Avatar mis à jour avec succès »." });
export type AvatarUpdated000 = z.infer<typeof AvatarUpdated000>;

/** `PUT /api/users/profile/password`. */
export const PasswordChanged000 = z
  .object({ message, last_password_change: timestamp.nullable() })
  .meta({ id: "PasswordChanged000", description: "Message: « Mot de passe modifié avec succès »." });
export type PasswordChanged000 = z.infer<typeof PasswordChanged000>;

/** `POST /api/users/profile/email/confirm` (JSON): the new sign-in address. */
export const EmailChanged000 = z
  .object({ success: successTrue, message, email })
  .meta({ id: "EmailChanged000", description: "Message: « Adresse email modifiée avec succès »." });
export type EmailChanged000 = z.infer<typeof EmailChanged000>;

// `/api/integrations/**` (docs/contracts/README.md "Integrations (settings app only)").

const integrationId = z.string().meta({ example: "calendar" });

export const IntegrationListing = z
  .object({
    id: integrationId,
    name: z.string().meta({ example: "Google Calendar" }),
    description: z.string().meta({ description: "Localised like `message`." }),
    scopes: z.array(z.string()),
    configured: z.boolean().meta({ description: "The portal holds credentials for this provider; otherwise it cannot be connected." }),
    connected: z.boolean(),
    connected_at: timestamp.nullable(),
  })
  .meta({ id: "IntegrationListing" });

export const IntegrationListAnswer = z.array(IntegrationListing).meta({ id: "IntegrationListAnswer" });
export type IntegrationListAnswer = z.infer<typeof IntegrationListAnswer>;

export const IntegrationAuthUrlAnswer = z
  .object({
    authUrl: z.string().meta({
      format: "uri",
      description: "The provider's authorize URL, with a signed, user-bound, expiring `state` and PKCE where supported.",
      example: "https://accounts.google.com/o/oauth2/v2/auth?client_id=...&state=...&code_challenge=...",
    }),
  })
  .meta({ id: "IntegrationAuthUrlAnswer" });
export type IntegrationAuthUrlAnswer = z.infer<typeof IntegrationAuthUrlAnswer>;

/** `integrationDetails`: what was connected, never a token. */
export const IntegrationDetails = z
  .object({
    id: integrationId,
    name: z.string().meta({ example: "Google Calendar" }),
    connected: z.boolean(),
    connected_at: timestamp,
    scopes: z.array(z.string()),
    account: z.string().nullable().meta({ description: "The provider account connected, when it says." }),
    expires_at: timestamp.nullable(),
  })
  .meta({ id: "IntegrationDetails" });

export const IntegrationCallbackAnswer = z
  .object({ success: successTrue, integration_details: IntegrationDetails })
  .meta({ id: "IntegrationCallbackAnswer" });
export type IntegrationCallbackAnswer = z.infer<typeof IntegrationCallbackAnswer>;

/** `twoFactorInit000`: seed 000 `POST /api/users/profile/2fa/init`. */
export const TwoFactorInit000 = z
  .object({ qrCode, secretKey: secret, backupCodes, method: z.literal("app") })
  .meta({ id: "TwoFactorInit000" });
export type TwoFactorInit000 = z.infer<typeof TwoFactorInit000>;
