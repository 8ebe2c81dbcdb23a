import "server-only";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { IntegrationAuthUrlAnswer, IntegrationCallbackAnswer, IntegrationListAnswer } from "@/lib/contracts/settings-app/answers";
import { integrationAuthUrlAnswer, integrationCallbackAnswer, integrationDisconnected, integrationListAnswer } from "@/lib/contracts/settings-app/mappers";
import { integrationCallbackSchema } from "@/lib/contracts/settings-app/requests";
import { AppError } from "@/lib/core/errors";
import { findIntegration } from "@/lib/integrations/catalog";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { completeIntegration as completeIntegrationService } from "@/lib/services/integrations/complete-integration";
import { disconnectIntegration as disconnectIntegrationService } from "@/lib/services/integrations/disconnect-integration";
import { listIntegrations as listIntegrationsService } from "@/lib/services/integrations/list-integrations";
import { startIntegration } from "@/lib/services/integrations/start-integration";

/** Third-party services the user connects with OAuth (docs/contracts/README.md "Integrations (settings app only)"). */

const TAGS = ["Integrations (000)"];
const integrationPath = z.object({ id: z.string().meta({ description: "An integration of the catalogue.", example: "calendar" }) });

/** "Liste des intégrations disponibles", a JSON array. */
export const listIntegrations = defineRoute({
  method: "get",
  path: "/api/integrations",
  operationId: "listIntegrations",
  tags: TAGS,
  summary: "List integrations",
  description: "Seed 000: the whole catalogue (at least `calendar`, `slack`, `github`), whether each is configured on this portal and connected by the caller.",
  policy: POLICY.signedIn,
  responses: [{ status: 200, description: "The catalogue.", schema: IntegrationListAnswer }],
  errors: [],
}, async function listIntegrations({ caller, locale }) {
  return jsonResponse(integrationListAnswer(await listIntegrationsService(caller.user.id, locale)));
});

export const getIntegrationAuthUrl = defineRoute({
  method: "get",
  path: "/api/integrations/{id}/auth-url",
  operationId: "getIntegrationAuthUrl",
  tags: TAGS,
  summary: "Start connecting an integration",
  description:
    "Seed 000: the provider's authorize URL to send the user to, with a signed, user-bound, expiring `state` and PKCE where the provider supports it. An integration without credentials answers 503 `INTEGRATION_NOT_CONFIGURED`.",
  policy: POLICY.signedIn,
  params: { path: integrationPath },
  responses: [{ status: 200, description: "The authorize URL.", schema: IntegrationAuthUrlAnswer }],
  errors: ["INTEGRATION_NOT_FOUND", "INTEGRATION_NOT_CONFIGURED"],
}, async function getIntegrationAuthUrl({ caller, params }) {
  return jsonResponse(integrationAuthUrlAnswer(await startIntegration({ userId: caller.user.id, integrationId: params.id })));
});

export const completeIntegration = defineRoute({
  method: "post",
  path: "/api/integrations/{id}/callback",
  operationId: "completeIntegration",
  tags: TAGS,
  summary: "Finish connecting an integration",
  description:
    "Seed 000: the client forwards the provider's redirect parameters (`code` and `state`, or `error`); the portal exchanges the code at the provider and stores the tokens encrypted.",
  policy: POLICY.signedIn,
  params: { path: integrationPath },
  // An unknown integration is a 404 whatever the body holds.
  beforeBody({ params }: { caller: Caller | null; params: z.output<typeof integrationPath> }) {
    if (!findIntegration(params.id)) throw new AppError("INTEGRATION_NOT_FOUND");
  },
  body: {
    schema: integrationCallbackSchema,
    examples: { seed000: { summary: "The provider's redirect parameters", value: { code: "4/0AbCdEf...", state: "eyJhbGciOiJIUzI1NiJ9..." } } },
  },
  responses: [{ status: 200, description: "Connected.", schema: IntegrationCallbackAnswer }],
  errors: ["INTEGRATION_NOT_FOUND", "INTEGRATION_NOT_CONFIGURED", "INVALID_STATE", "OAUTH_ACCESS_DENIED", "OAUTH_EXCHANGE_FAILED", "PROVIDER_ERROR"],
}, async function completeIntegration({ caller, params, body, client }) {
  const { integration, connection } = await completeIntegrationService({
    userId: caller.user.id,
    integrationId: params.id,
    state: body.state,
    code: body.code,
    error: body.error,
    client,
  });
  return jsonResponse(integrationCallbackAnswer(integration, connection));
});

export const disconnectIntegration = defineRoute({
  method: "delete",
  path: "/api/integrations/{id}",
  operationId: "disconnectIntegration",
  tags: TAGS,
  summary: "Disconnect an integration",
  description: "Seed 000: the stored tokens are deleted (and revoked at the provider when it allows). Message: « Intégration déconnectée avec succès ».",
  policy: POLICY.signedIn,
  params: { path: integrationPath },
  responses: [{ status: 200, description: "Disconnected.", schema: MessageAnswer }],
  errors: ["INTEGRATION_NOT_FOUND", "INTEGRATION_NOT_CONNECTED"],
}, async function disconnectIntegration({ caller, params, locale, client }) {
  await disconnectIntegrationService({ userId: caller.user.id, integrationId: params.id, client });
  return jsonResponse(integrationDisconnected(locale));
});
