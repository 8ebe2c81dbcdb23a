import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { HealthAnswer } from "@/lib/contracts/shared/answers";
import { healthAnswer } from "@/lib/contracts/shared/mappers";
import { checkDatabase } from "@/lib/services/health/check-database";

const TAGS = ["Health"];

/** docs/contracts/README.md, "Running modes"; also served at /health for the mobile app. */
export const getHealth = defineRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  tags: TAGS,
  summary: "Health check",
  description:
    "Whether the portal runs and reaches its database. Seed 002 documents it at `/health` (its field was `mongodb`; the portal answers `database`).",
  policy: POLICY.public,
  responses: [
    { status: 200, description: "The portal and its database are up.", schema: HealthAnswer, example: { status: "ok", database: "connected" } },
    {
      status: 503,
      description: "The database does not answer.",
      schema: HealthAnswer,
      example: { status: "error", database: "disconnected" },
    },
  ],
  errors: [],
  rootAliases: ["/health"],
}, async function getHealth() {
  const connected = await checkDatabase();
  return jsonResponse(healthAnswer(connected), { status: connected ? 200 : 503 });
});

