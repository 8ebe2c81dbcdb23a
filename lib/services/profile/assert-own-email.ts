import "server-only";
import { AppError } from "@/lib/core/errors";

/**
 * Clients that name the account by email (NutriScan's paths, logout `{email}`) act on the
 * caller's own account only (docs/contracts/README.md, "Who is calling"): any other address
 * is 403 FORBIDDEN whether or not it has an account, so the answer never tells who has one.
 * Stored emails are lower-cased.
 */
export function assertOwnEmail(named: string, ownEmail: string): void {
  if (named.trim().toLowerCase() !== ownEmail) throw new AppError("FORBIDDEN");
}
