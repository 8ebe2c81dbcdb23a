import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientInfo } from "@/lib/core/client-info";
import { isAppError } from "@/lib/core/errors";
import { requireUser } from "@/lib/auth/require-user";
import { env } from "@/lib/core/env";
import { describeError, logger } from "@/lib/core/logger";
import { completeIntegration } from "@/lib/services/integrations/complete-integration";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Where providers send the browser back after consent (`redirect_uri` of every
 * integration). The same service as seed 000's `POST /api/integrations/{id}/callback`
 * completes the connection, then the settings page shows the outcome. Nothing renders here.
 */
export default async function IntegrationCallbackPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const key of ["code", "state", "error"]) {
    const value = one(params[key]);
    if (value) query.set(key, value);
  }
  // Signed out meanwhile: sign in, then come back here with the same code and state.
  const { user } = await requireUser({ callbackUrl: `/settings/integrations/callback?${query}` });

  const state = one(params.state);
  let target: string;
  if (!state) {
    target = "/settings/integrations?error=INVALID_STATE";
  } else {
    try {
      const request = new Request(`${env().APP_URL}/settings/integrations/callback`, { headers: await headers() });
      const { integration } = await completeIntegration({
        userId: user.id,
        state,
        code: one(params.code) ?? null,
        error: one(params.error) ?? null,
        client: clientInfo(request),
      });
      target = `/settings/integrations?connected=${integration.id}`;
    } catch (error) {
      if (!isAppError(error)) logger.error("Integration callback failed", describeError(error));
      target = `/settings/integrations?error=${isAppError(error) ? error.code : "INTERNAL_ERROR"}`;
    }
  }
  redirect(target);
}
