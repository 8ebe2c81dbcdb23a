import { describe, expect, it } from "vitest";
import { serializeOpenApiDocument } from "@/lib/openapi/serialize";
import { api } from "@/tests/support/app-client";

describe("GET /api/openapi.json", () => {
  it("serves the generated document, cacheable, with an ETag honoured by If-None-Match", async () => {
    const res = await api.get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/public/);
    expect(res.text).toBe(serializeOpenApiDocument());
    expect((res.body as { openapi: string }).openapi).toBe("3.1.0");

    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await api.get("/api/openapi.json", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
  });
});
