import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { POLICY } from "@/lib/auth/policy";
import { sha256Hex } from "@/lib/core/crypto";

// The one route above the client contracts: it serves the document built from all of them.
let served: { body: string; etag: string } | undefined;

/** The OpenAPI document: public, the same for everyone, so cacheable (unlike other API answers). */
export const getOpenApiDocument = defineRoute({
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
}, async function getOpenApiDocument({ request }) {
  if (!served) {
    // Imported on first use: the document is built from the operation list this route is part of.
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
