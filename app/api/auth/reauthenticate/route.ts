import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { reauthWindowMs } from "@/lib/auth/recent-auth";
import { localize } from "@/lib/i18n/locale";
import { AUTH_MESSAGES } from "@/lib/i18n/messages/auth";
import { authOps } from "@/lib/openapi/operations/auth";
import { reauthenticate } from "@/lib/services/auth/reauthenticate";
import { reauthenticateSchema } from "@/lib/validation/auth";

/** `{password}` or `{code}`: opens the 10-minute sudo window on the caller's own session (first-party only). */
export const POST = apiRoute(authOps.reauthenticate, async ({ caller, request, locale }) => {
  const proof = validate(reauthenticateSchema, await readJson(request), locale);
  const { reauthenticatedAt } = await reauthenticate({ userId: caller.user.id, sessionId: caller.session.id, proof, client: clientInfo(request) });
  return jsonResponse({
    success: true,
    message: localize(locale, AUTH_MESSAGES.reauthenticated),
    data: { reauthenticatedAt: reauthenticatedAt.toISOString(), sudoUntil: new Date(reauthenticatedAt.getTime() + reauthWindowMs()).toISOString() },
  });
});
