import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { readBodyBytes } from "@/lib/api/body";
import { AVATAR_MAX_BYTES } from "@/lib/services/avatar/process-avatar-image";

/** The refusals of an image upload, as the document lists them for every upload route. */
export const IMAGE_UPLOAD_ERRORS = ["INVALID_FILE", "FILE_TOO_LARGE", "PAYLOAD_TOO_LARGE"] as const;

/** The document's schema of a multipart image field: the route reads the file's bytes (no zod schema applies to a file). */
export function imageUploadSchema(field: string) {
  return z.object({
    [field]: z.string().meta({
      format: "binary",
      contentMediaType: "image/*",
      description: "JPEG, PNG, GIF or WebP, judged by its bytes; at most 5 MB; re-encoded and stripped of metadata.",
    }),
  });
}

// Room for the multipart boundaries and part headers around a file of the maximum size.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The bytes of the file in form field `field`. A body announced larger than the limit is
 * refused (413) before a byte is read; a body without Content-Length is streamed with the
 * same limit, and only then parsed.
 */
export async function readImageUpload(request: Request, field: string): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new AppError("INVALID_FILE");
  let body: Uint8Array;
  try {
    body = await readBodyBytes(request, AVATAR_MAX_BYTES + MULTIPART_OVERHEAD);
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") throw new AppError("FILE_TOO_LARGE");
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("INVALID_FILE");
  }
  const file = form.get(field);
  if (!file || typeof file === "string") throw new AppError("INVALID_FILE");
  if (file.size > AVATAR_MAX_BYTES) throw new AppError("FILE_TOO_LARGE");
  return new Uint8Array(await file.arrayBuffer());
}
