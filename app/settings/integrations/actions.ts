"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { startIntegration } from "@/lib/services/integrations/start-integration";

const PATH = "/settings/integrations";
const integrationIdSchema = z.object({ integrationId: z.string().trim().min(1, "required").max(64, "string.tooLong") });

/** Connected services are not sign-in methods: not sensitive. */
const SIGNED_IN = { access: "user", sensitivity: "none", callbackUrl: PATH } as const;

/** The provider's authorize URL, from the same service as `GET /api/integrations/{id}/auth-url`. */
export const startIntegrationAction = defineAction({
  policy: SIGNED_IN,
  input: integrationIdSchema,
  handler: async function startIntegrationAction({ input, user }) {
    return startIntegration({ userId: user.id, integrationId: input.integrationId });
  },
});

/** As `DELETE /api/integrations/{id}`. */
export const disconnectIntegrationAction = defineAction({
  policy: SIGNED_IN,
  input: integrationIdSchema,
  revalidate: [PATH],
  handler: async function disconnectIntegrationAction({ input, user, client }): Promise<Record<never, never>> {
    await disconnectIntegration({ userId: user.id, integrationId: input.integrationId, client });
    return {};
  },
});
