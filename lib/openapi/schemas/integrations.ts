import { z } from "zod";
import { successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 000's `/api/integrations`. Describes `lib/mappers/integrations.ts`. */
export const Integration = z
  .object({
    id: z.string().meta({ example: "calendar" }),
    name: z.string().meta({ example: "Google Calendar" }),
    description: z.string(),
    scopes: z.array(z.string()),
    configured: z.boolean().meta({ description: "The portal holds credentials for this provider." }),
    connected: z.boolean(),
    connected_at: timestamp.nullable(),
  })
  .meta({ id: "Integration" });

export const IntegrationListAnswer = z.array(Integration).meta({ id: "IntegrationListAnswer" });
export type IntegrationListAnswer = z.infer<typeof IntegrationListAnswer>;

export const IntegrationAuthUrlAnswer = z
  .object({ authUrl: z.string().meta({ format: "uri", example: "https://accounts.google.com/o/oauth2/v2/auth?client_id=...&state=..." }) })
  .meta({ id: "IntegrationAuthUrlAnswer" });
export type IntegrationAuthUrlAnswer = z.infer<typeof IntegrationAuthUrlAnswer>;

export const IntegrationCallbackAnswer = z
  .object({
    success: successTrue,
    integration_details: z.object({
      id: z.string().meta({ example: "calendar" }),
      name: z.string().meta({ example: "Google Calendar" }),
      connected: z.literal(true),
      connected_at: timestamp,
    }),
  })
  .meta({ id: "IntegrationCallbackAnswer" });
export type IntegrationCallbackAnswer = z.infer<typeof IntegrationCallbackAnswer>;
