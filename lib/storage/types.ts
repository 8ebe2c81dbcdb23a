import "server-only";
/** Where uploaded files live: local disk in development, Vercel Blob in production. */
export type StoredFile = { key: string; url: string };

export interface FileStorage {
  readonly kind: "local" | "blob";
  /** Stores the bytes under `key` (never overwritten: keys are unique) and answers the public URL. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredFile>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The public URL of a stored key. */
  url(key: string): string;
}

/** Keys the portal writes: `avatars/<user id>/<32 hex>.webp`. Anything else is refused on read. */
export const STORAGE_KEY_PATTERN = /^avatars\/[A-Za-z0-9_-]{1,64}\/[0-9a-f]{32}\.webp$/;

export const CONTENT_TYPES: Record<string, string> = { webp: "image/webp" };
