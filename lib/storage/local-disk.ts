import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/core/env";
import { STORAGE_KEY_PATTERN, type FileStorage } from "@/lib/storage/types";

/** The route that serves local files (app/api/files/[...key]/route.ts). */
export const LOCAL_FILES_PATH = "/api/files";

function resolveKey(key: string): string {
  // Keys are ours, but a key that could escape the folder is refused outright.
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Refused storage key: ${key}`);
  return path.join(path.resolve(env().UPLOAD_DIR), ...key.split("/"));
}

/** Files under UPLOAD_DIR, served by the app itself. */
export function localDiskStorage(): FileStorage {
  return {
    kind: "local",
    async put(key, bytes) {
      const file = resolveKey(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
      return { key, url: this.url(key) };
    },
    async delete(key) {
      await rm(resolveKey(key), { force: true });
    },
    url(key) {
      return `${env().APP_URL}${LOCAL_FILES_PATH}/${key}`;
    },
  };
}

/** The bytes of a stored file, or null when the key is not one of ours or the file is gone. */
export async function readLocalFile(key: string): Promise<Uint8Array | null> {
  if (!STORAGE_KEY_PATTERN.test(key)) return null;
  try {
    return await readFile(resolveKey(key));
  } catch {
    return null;
  }
}
