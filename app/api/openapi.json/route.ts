import { apiRoute } from "@/lib/api/handler";
import { healthOps } from "@/lib/openapi/operations/health";
import { sha256Hex } from "@/lib/core/crypto";
import { serializeOpenApiDocument } from "@/lib/openapi/serialize";

let served: { body: string; etag: string } | undefined;

/** The OpenAPI document: public, the same for everyone, so cacheable (unlike other API answers). */
export const GET = apiRoute(healthOps.getOpenApiDocument, async ({ request }) => {
  if (!served) {
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
