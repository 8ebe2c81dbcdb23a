import { del, put } from "@vercel/blob";
import type { FileStorage } from "@/lib/storage/types";

/** `vercel_blob_rw_<storeId>_<secret>` names the store whose public host serves the files. */
export function blobStoreId(token: string): string | undefined {
  return /^vercel_blob_rw_([A-Za-z0-9]+)_/.exec(token)?.[1];
}

/** Vercel Blob (public store); the key is the blob's pathname, which `del` accepts as is. */
export function vercelBlobStorage(token: string): FileStorage {
  return {
    kind: "blob",
    async put(key, bytes, contentType) {
      const blob = await put(key, Buffer.from(bytes), {
        access: "public",
        contentType,
        token,
        addRandomSuffix: false,
        allowOverwrite: false,
        cacheControlMaxAge: 31_536_000,
      });
      return { key, url: blob.url };
    },
    async delete(key) {
      await del(key, { token });
    },
    url(key) {
      const store = blobStoreId(token);
      if (!store) throw new Error("BLOB_READ_WRITE_TOKEN does not name a store");
      return `https://${store.toLowerCase()}.public.blob.vercel-storage.com/${key}`;
    },
  };
}
