import "server-only";
import { AppError } from "@/lib/core/errors";
import { env } from "@/lib/core/env";

/**
 * Reads at most `limit` bytes of the body: refused with 413 from Content-Length before any
 * byte is read, and again while streaming when the header lied or was absent.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new AppError("PAYLOAD_TOO_LARGE");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The JSON body as `unknown` (validate it next). An empty body reads as `{}` so that
 * body-less POSTs of the seeds (`2fa/enable {}`, `send-verification`) work; any other body
 * must be declared as JSON.
 */
export async function readJson(request: Request, limit = env().API_BODY_LIMIT_BYTES): Promise<unknown> {
  const bytes = await readBodyBytes(request, limit);
  const text = new TextDecoder().decode(bytes).trim();
  if (text === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError("UNSUPPORTED_CONTENT_TYPE");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_JSON");
  }
}
