import { z } from "zod";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { MessageAnswer } from "@/lib/openapi/schemas/auth";
import { IntegrationAuthUrlAnswer, IntegrationCallbackAnswer, IntegrationListAnswer } from "@/lib/openapi/schemas/integrations";
import { integrationCallbackSchema } from "@/lib/contracts/settings-app/requests";

const TAGS = ["Integrations (000)"];
const integrationPath = z.object({ id: z.string().meta({ description: "An integration of the catalogue.", example: "calendar" }) });

export const integrationOps = defineOperations({
  listIntegrations: {
    method: "get",
    path: "/api/integrations",
    operationId: "listIntegrations",
    tags: TAGS,
    summary: "List integrations",
    description: "Seed 000: the whole catalogue (at least `calendar`, `slack`, `github`), whether each is configured on this portal and connected by the caller.",
    policy: POLICY.signedIn,
    responses: [{ status: 200, description: "The catalogue.", schema: IntegrationListAnswer }],
    errors: [],
  },
  getIntegrationAuthUrl: {
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
  },
  completeIntegration: {
    method: "post",
    path: "/api/integrations/{id}/callback",
    operationId: "completeIntegration",
    tags: TAGS,
    summary: "Finish connecting an integration",
    description:
      "Seed 000: the client forwards the provider's redirect parameters (`code` and `state`, or `error`); the portal exchanges the code at the provider and stores the tokens encrypted.",
    policy: POLICY.signedIn,
    params: { path: integrationPath },
    body: {
      schema: integrationCallbackSchema,
      examples: { seed000: { summary: "The provider's redirect parameters", value: { code: "4/0AbCdEf...", state: "eyJhbGciOiJIUzI1NiJ9..." } } },
    },
    responses: [{ status: 200, description: "Connected.", schema: IntegrationCallbackAnswer }],
    errors: ["INTEGRATION_NOT_FOUND", "INTEGRATION_NOT_CONFIGURED", "INVALID_STATE", "OAUTH_ACCESS_DENIED", "OAUTH_EXCHANGE_FAILED", "PROVIDER_ERROR"],
  },
  disconnectIntegration: {
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
  },
});

export const integrationOperations: ApiOperation[] = operationList(integrationOps);
