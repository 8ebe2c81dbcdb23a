"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClientInfo } from "@/lib/actions/client-info";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/api/validation";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/i18n/server";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { startIntegration } from "@/lib/services/integrations/start-integration";

const PATH = "/settings/integrations";
const integrationIdSchema = z.object({ integrationId: z.string().trim().min(1, "required").max(64, "string.tooLong") });

/** The provider's authorize URL, from the same service as `GET /api/integrations/{id}/auth-url`. */
export async function startIntegrationAction(input: { integrationId: string }): Promise<ActionResult<{ authUrl: string }>> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { integrationId } = validate(integrationIdSchema, input, locale);
    return startIntegration({ userId: user.id, integrationId });
  });
}

/** As `DELETE /api/integrations/{id}`. */
export async function disconnectIntegrationAction(input: { integrationId: string }): Promise<ActionResult> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { integrationId } = validate(integrationIdSchema, input, locale);
    await disconnectIntegration({ userId: user.id, integrationId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return {};
  });
}
