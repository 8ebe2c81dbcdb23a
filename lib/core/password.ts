import "server-only";
import { env } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";

/** The two implementations write and read the same $2b$ hashes, so either one reads the other's. */
export type BcryptLibrary = "@node-rs/bcrypt" | "bcryptjs";

interface Bcrypt {
  library: BcryptLibrary;
  hash(password: string, cost: number): Promise<string>;
  compare(password: string, hash: string): Promise<boolean>;
}

let loading: Promise<Bcrypt> | undefined;

/**
 * @node-rs/bcrypt computes on libuv's thread pool; bcryptjs, pure JavaScript, computes on
 * the event loop (in 100 ms slices), so a burst of sign-ins stalled every other request.
 * bcryptjs stays as the fallback for a platform without a prebuilt native binary.
 */
async function bcrypt(): Promise<Bcrypt> {
  loading ??= (async (): Promise<Bcrypt> => {
    try {
      const native = await import("@node-rs/bcrypt");
      return {
        library: "@node-rs/bcrypt",
        // No rejectLongPasswords: the 72-byte limit is the validation's (lib/validation/password.ts),
        // and beyond it both libraries ignore the same bytes, as stored hashes expect.
        hash: (password, cost) => native.hash(password, { cost }),
        compare: (password, hash) => native.verify(password, hash),
      };
    } catch (error) {
      logger.warn("@node-rs/bcrypt did not load; hashing passwords with bcryptjs, on the event loop", {
        error: error instanceof Error ? error.message : String(error),
      });
      const { default: bcryptjs } = await import("bcryptjs");
      return {
        library: "bcryptjs",
        hash: (password, cost) => bcryptjs.hash(password, cost),
        compare: (password, hash) => bcryptjs.compare(password, hash),
      };
    }
  })();
  return loading;
}

/** Which library hashes passwords in this process (for the benchmark and the tests). */
export async function bcryptLibrary(): Promise<BcryptLibrary> {
  return (await bcrypt()).library;
}

/** bcrypt hashes at BCRYPT_COST. */
export async function hashPassword(password: string, cost = env().BCRYPT_COST): Promise<string> {
  return (await bcrypt()).hash(password, cost);
}

let dummyHash: { cost: number; hash: Promise<string> } | undefined;

/**
 * True when the password matches. With no hash (unknown email, social-only account) a
 * dummy hash is still compared, so the answer takes as long as for a real account.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const library = await bcrypt();
  if (!hash) {
    const cost = env().BCRYPT_COST;
    if (!dummyHash || dummyHash.cost !== cost) dummyHash = { cost, hash: library.hash("dummy-password-for-timing", cost) };
    await library.compare(password, await dummyHash.hash);
    return false;
  }
  return library.compare(password, hash);
}

/** A hash made at a lower cost than configured is upgraded at the next successful login. */
export function needsRehash(hash: string): boolean {
  const cost = Number(/^\$2[aby]\$(\d{2})\$/.exec(hash)?.[1]);
  return Number.isFinite(cost) && cost < env().BCRYPT_COST;
}
