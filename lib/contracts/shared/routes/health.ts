import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { HealthAnswer } from "@/lib/contracts/shared/answers";
import { healthAnswer } from "@/lib/contracts/shared/mappers";
import { sha256Hex } from "@/lib/core/crypto";
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

let served: { body: string; etag: string } | undefined;

/** The OpenAPI document: public, the same for everyone, so cacheable (unlike other API answers). */
export const getOpenApiDocument = defineRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  tags: TAGS,
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
}, async function getOpenApiDocument({ request }) {
  if (!served) {
    // Imported on first use: the document is built from the route list this route is part of.
    const { serializeOpenApiDocument } = await import("@/lib/openapi/serialize");
    const body = serializeOpenApiDocument();
    served = { body, etag: `"${sha256Hex(body).slice(0, 32)}"` };
  }
  const headers = {
    "cache-control": "public, max-age=300, stale-while-revalidate=3600",
    etag: served.etag,
  };
  if (request.headers.get("if-none-match") === served.etag) return new Response(null, { status: 304, headers });
  return new Response(served.body, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
