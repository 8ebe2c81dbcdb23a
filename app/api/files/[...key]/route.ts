import { apiRoute } from "@/lib/api/handler";
import { errorResponse } from "@/lib/api/response";
import { readLocalFile } from "@/lib/storage/local-disk";
import { CONTENT_TYPES } from "@/lib/storage/types";

/**
 * Serves files of the local-disk storage (development and self-hosting; on Vercel they live
 * on Blob). Only keys the portal writes are answered, always with a fixed image type,
 * `nosniff` and a sandboxing CSP; keys are unique, so the answer can be cached for good.
 */
export const GET = apiRoute<{ key: string[] }>(async ({ params, locale }) => {
  const key = (params.key ?? []).join("/");
  const bytes = await readLocalFile(key);
  const contentType = CONTENT_TYPES[key.split(".").pop() ?? ""];
  if (!bytes || !contentType) return errorResponse("NOT_FOUND", locale);
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "cross-origin",
    },
  });
});
