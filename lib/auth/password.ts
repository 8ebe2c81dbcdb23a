import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

/** bcrypt hashes at BCRYPT_COST (CONTRACT 5). */
export async function hashPassword(password: string, cost = env().BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

let dummyHash: { cost: number; hash: Promise<string> } | undefined;

/**
 * True when the password matches. With no hash (unknown email, social-only account) a
 * dummy hash is still compared, so the answer takes as long as for a real account.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    const cost = env().BCRYPT_COST;
    if (!dummyHash || dummyHash.cost !== cost) dummyHash = { cost, hash: bcrypt.hash("dummy-password-for-timing", cost) };
    await bcrypt.compare(password, await dummyHash.hash);
    return false;
  }
  return bcrypt.compare(password, hash);
}

/** A hash made at a lower cost than configured is upgraded at the next successful login. */
export function needsRehash(hash: string): boolean {
  const cost = Number(/^\$2[aby]\$(\d{2})\$/.exec(hash)?.[1]);
  return Number.isFinite(cost) && cost < env().BCRYPT_COST;
}
