import { z } from "zod";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { HealthAnswer } from "@/lib/openapi/schemas/health";

export const healthOps = defineOperations({
  getHealth: {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    tags: ["Health"],
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
  },
  getOpenApiDocument: {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tags: ["Health"],
    summary: "This OpenAPI document",
    description: "The OpenAPI 3.1 document of every route, generated from the zod schemas that validate requests and shape answers. Cacheable; honours `If-None-Match`.",
    policy: POLICY.public,
    responses: [
      {
        status: 200,
        description: "The OpenAPI document.",
        schema: z.looseObject({ openapi: z.string().meta({ example: "3.1.0" }), info: z.looseObject({}), paths: z.looseObject({}) }),
      },
      { status: 304, description: "Not modified since the `ETag` sent in `If-None-Match`." },
    ],
    errors: [],
  },
});

export const healthOperations: ApiOperation[] = operationList(healthOps);
