import { openApiDocument } from "@/lib/openapi/document";

/** The document as committed in openapi.json and served at /api/openapi.json. */
export function serializeOpenApiDocument(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
