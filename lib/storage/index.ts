import "server-only";
import { env, type Env } from "@/lib/core/env";
import { localDiskStorage } from "@/lib/storage/local-disk";
import type { FileStorage } from "@/lib/storage/types";
import { vercelBlobStorage } from "@/lib/storage/vercel-blob";

export type { FileStorage } from "@/lib/storage/types";

/** Vercel Blob when BLOB_READ_WRITE_TOKEN is set (required on Vercel), otherwise local disk. */
export function selectStorage(config: Pick<Env, "BLOB_READ_WRITE_TOKEN">): FileStorage {
  return config.BLOB_READ_WRITE_TOKEN ? vercelBlobStorage(config.BLOB_READ_WRITE_TOKEN) : localDiskStorage();
}

let cached: { token: string | undefined; storage: FileStorage } | undefined;

export function storage(): FileStorage {
  const token = env().BLOB_READ_WRITE_TOKEN;
  if (!cached || cached.token !== token) cached = { token, storage: selectStorage(env()) };
  return cached.storage;
}
