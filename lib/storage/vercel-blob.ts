import "server-only";
import { del, put } from "@vercel/blob";
import { AppError } from "@/lib/core/errors";
import { env } from "@/lib/core/env";
import { describeError, logger } from "@/lib/core/logger";
import type { FileStorage } from "@/lib/storage/types";

/**
 * Runs a blob call under STORAGE_TIMEOUT_MS (the client retries a failing store up to 10
 * times with back-off; the signal bounds the whole). A store that fails or hangs is
 * answered 503 SERVICE_UNAVAILABLE, never a bare 500.
 */
async function bounded<T>(operation: string, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await call(AbortSignal.timeout(env().STORAGE_TIMEOUT_MS));
  } catch (error) {
    logger.error("Blob store unavailable", { operation, ...describeError(error) });
    throw new AppError("SERVICE_UNAVAILABLE", { headers: { "Retry-After": "30" } });
  }
}

/** `vercel_blob_rw_<storeId>_<secret>` names the store whose public host serves the files. */
export function blobStoreId(token: string): string | undefined {
  return /^vercel_blob_rw_([A-Za-z0-9]+)_/.exec(token)?.[1];
}

/** Vercel Blob (public store); the key is the blob's pathname, which `del` accepts as is. */
export function vercelBlobStorage(token: string): FileStorage {
  return {
    kind: "blob",
    async put(key, bytes, contentType) {
      const blob = await bounded("put", (abortSignal) =>
        put(key, Buffer.from(bytes), {
          access: "public",
          contentType,
          token,
          addRandomSuffix: false,
          allowOverwrite: false,
          cacheControlMaxAge: 31_536_000,
          abortSignal,
        }),
      );
      return { key, url: blob.url };
    },
    async delete(key) {
      await bounded("delete", (abortSignal) => del(key, { token, abortSignal }));
    },
    url(key) {
      const store = blobStoreId(token);
      if (!store) throw new Error("BLOB_READ_WRITE_TOKEN does not name a store");
      return `https://${store.toLowerCase()}.public.blob.vercel-storage.com/${key}`;
    },
  };
}
