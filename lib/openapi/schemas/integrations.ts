import { z } from "zod";
import { successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 000's `/api/integrations`: `listIntegrations` and `lib/mappers/integrations.ts`. */

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
