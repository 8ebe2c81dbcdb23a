import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/core/errors";

/** At most 5 MB per file (docs/contracts/README.md "Avatars"). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Decoding is refused above this many pixels (a 24-megapixel photo passes; a decompression bomb does not). */
export const AVATAR_MAX_INPUT_PIXELS = 40_000_000;
export const AVATAR_SIZE = 512;

export type ImageFormat = "jpeg" | "png" | "gif" | "webp";

/** The format the bytes announce, whatever the file's name or declared type says. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "png";
  if (b.length >= 6 && (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a")) return "gif";
  if (b.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/**
 * Checks and re-encodes an uploaded avatar: JPEG, PNG, GIF or WebP judged by its bytes;
 * dimensions read from the header and refused before decoding when too many pixels; the
 * first frame of an animation; EXIF orientation applied, then every metadata dropped;
 * cropped to at most 512x512 and written as WebP. A file that does not decode cleanly
 * (truncated, corrupt, disguised) is refused with 400 INVALID_FILE.
 */
export async function processAvatarImage(bytes: Uint8Array): Promise<{ bytes: Uint8Array; contentType: "image/webp"; width: number; height: number }> {
  if (bytes.byteLength === 0) throw new AppError("INVALID_FILE");
  if (bytes.byteLength > AVATAR_MAX_BYTES) throw new AppError("FILE_TOO_LARGE");
  const format = sniffImageFormat(bytes);
  if (!format) throw new AppError("INVALID_FILE");
  const options = { limitInputPixels: AVATAR_MAX_INPUT_PIXELS, failOn: "truncated" as const, pages: 1 };
  try {
    const metadata = await sharp(bytes, options).metadata();
    if (metadata.format !== format || !metadata.width || !metadata.height) throw new AppError("INVALID_FILE");
    if (metadata.width * metadata.height > AVATAR_MAX_INPUT_PIXELS) throw new AppError("INVALID_FILE");
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), contentType: "image/webp", width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("INVALID_FILE", { cause: error });
  }
}
