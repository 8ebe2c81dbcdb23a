import "server-only";
import { env, type Env } from "@/lib/core/env";
import type { Localized } from "@/lib/i18n/locale";

export const INTEGRATION_IDS = ["calendar", "slack", "github", "outlook", "zoom"] as const;
export type IntegrationId = (typeof INTEGRATION_IDS)[number];

/**
 * How a provider takes a revocation: `form` is RFC 7009 (POST `token=`; Google, Slack's
 * auth.revoke and Zoom accept it), `github` deletes the whole grant through GitHub's REST API,
 * `none` when the provider offers no revocation (the user removes the app on their side).
 */
export type RevocationStyle = "form" | "github" | "none";

export type Integration = {
  id: IntegrationId;
  name: string;
  description: Localized;
  scopes: string[];
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string | null;
  revocation: RevocationStyle;
  /** PKCE S256 is sent only to providers that accept it; the others reject unknown parameters or ignore them. */
  pkce: boolean;
  /** How the client authenticates at the token endpoint: form fields or HTTP Basic. */
  tokenAuth: "post" | "basic";
  scopeSeparator: " " | ",";
  authorizeParams?: Record<string, string>;
};

export const INTEGRATIONS: readonly Integration[] = [
  {
    id: "calendar",
    name: "Google Calendar",
    description: {
      fr: "Planifiez les entretiens et recevez les rappels dans votre agenda Google.",
      en: "Schedule interviews and get reminders in your Google Calendar.",
    },
    scopes: ["openid", "email", "https://www.googleapis.com/auth/calendar.events"],
    authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    revokeUrl: "https://oauth2.googleapis.com/revoke",
    revocation: "form",
    pkce: true,
    tokenAuth: "post",
    scopeSeparator: " ",
    // Offline access and a consent prompt: without them Google sends no refresh token on a reconnect.
    authorizeParams: { access_type: "offline", prompt: "consent", include_granted_scopes: "true" },
  },
  {
    id: "slack",
    name: "Slack",
    description: {
      fr: "Recevez vos notifications et les mises à jour des candidats dans Slack.",
      en: "Get your notifications and candidate updates in Slack.",
    },
    scopes: ["chat:write", "channels:read", "users:read"],
    authorizeUrl: "https://slack.com/oauth/v2/authorize",
    tokenUrl: "https://slack.com/api/oauth.v2.access",
    revokeUrl: "https://slack.com/api/auth.revoke",
    revocation: "form",
    pkce: false,
    tokenAuth: "post",
    scopeSeparator: ",",
  },
  {
    id: "github",
    name: "GitHub",
    description: {
      fr: "Affichez vos dépôts et contributions GitHub sur votre profil.",
      en: "Show your GitHub repositories and contributions on your profile.",
    },
    scopes: ["read:user", "read:org"],
    authorizeUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    revokeUrl: "https://api.github.com/applications/{client_id}/grant",
    revocation: "github",
    pkce: true,
    tokenAuth: "post",
    scopeSeparator: " ",
  },
  {
    id: "outlook",
    name: "Outlook Calendar",
    description: {
      fr: "Synchronisez vos entretiens avec votre agenda Microsoft 365.",
      en: "Sync your interviews with your Microsoft 365 calendar.",
    },
    scopes: ["offline_access", "User.Read", "Calendars.ReadWrite"],
    authorizeUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
    tokenUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
    revokeUrl: null,
    revocation: "none",
    pkce: true,
    tokenAuth: "post",
    scopeSeparator: " ",
  },
  {
    id: "zoom",
    name: "Zoom",
    description: {
      fr: "Créez automatiquement une réunion Zoom pour chaque entretien.",
      en: "Create a Zoom meeting for every interview automatically.",
    },
    scopes: ["meeting:write", "user:read"],
    authorizeUrl: "https://zoom.us/oauth/authorize",
    tokenUrl: "https://zoom.us/oauth/token",
    revokeUrl: "https://zoom.us/oauth/revoke",
    revocation: "form",
    pkce: true,
    tokenAuth: "basic",
    scopeSeparator: " ",
  },
];

export function findIntegration(id: string): Integration | undefined {
  return INTEGRATIONS.find((integration) => integration.id === id);
}

/** Credentials and endpoints of an integration: the catalogue's, overridden by `INTEGRATION_<ID>_*`. */
export type IntegrationConfig = {
  integration: Integration;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string | null;
  redirectUri: string;
};

type EnvKey<S extends string> = `INTEGRATION_${Uppercase<IntegrationId>}_${S}` & keyof Env;

function envValue<S extends string>(id: IntegrationId, suffix: S): string | undefined {
  const key = `INTEGRATION_${id.toUpperCase()}_${suffix}` as EnvKey<S>;
  const value = env()[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Where every provider sends the browser back: one page, the integration is named by the state. */
export function integrationRedirectUri(): string {
  return `${env().APP_URL}/settings/integrations/callback`;
}

/** The integration's configuration, or null when its client id or secret is missing. */
export function integrationConfig(integration: Integration): IntegrationConfig | null {
  const clientId = envValue(integration.id, "CLIENT_ID");
  const clientSecret = envValue(integration.id, "CLIENT_SECRET");
  if (!clientId || !clientSecret) return null;
  const revokeUrl = envValue(integration.id, "REVOKE_URL") ?? integration.revokeUrl;
  return {
    integration,
    clientId,
    clientSecret,
    authorizeUrl: envValue(integration.id, "AUTHORIZE_URL") ?? integration.authorizeUrl,
    tokenUrl: envValue(integration.id, "TOKEN_URL") ?? integration.tokenUrl,
    revokeUrl: revokeUrl ? revokeUrl.replace("{client_id}", encodeURIComponent(clientId)) : null,
    redirectUri: integrationRedirectUri(),
  };
}
