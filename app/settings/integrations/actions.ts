"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClientInfo } from "@/lib/actions/client-info";
import { userAction } from "@/lib/actions/define-action";
import { validate } from "@/lib/api/validation";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { startIntegration } from "@/lib/services/integrations/start-integration";

const PATH = "/settings/integrations";
const integrationIdSchema = z.object({ integrationId: z.string().trim().min(1, "required").max(64, "string.tooLong") });

/** Connected services are not sign-in methods: not sensitive. */
const SIGNED_IN = { access: "user", sensitivity: "none", callbackUrl: PATH } as const;

/** The provider's authorize URL, from the same service as `GET /api/integrations/{id}/auth-url`. */
export const startIntegrationAction = userAction(SIGNED_IN, async ({ user, locale }, input: { integrationId: string }) => {
  const { integrationId } = validate(integrationIdSchema, input, locale);
  return startIntegration({ userId: user.id, integrationId });
});

/** As `DELETE /api/integrations/{id}`. */
export const disconnectIntegrationAction = userAction(SIGNED_IN, async ({ user, locale }, input: { integrationId: string }) => {
  const { integrationId } = validate(integrationIdSchema, input, locale);
  await disconnectIntegration({ userId: user.id, integrationId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return {};
});
