import "server-only";
import { AppError } from "@/lib/core/errors";
import { assertSudoGrant, type SudoGrant } from "@/lib/services/auth/sudo-grant";
import { prisma, type DbTx } from "@/lib/db/client";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { matchSecondFactor } from "@/lib/services/two-factor/verify-second-factor";

/**
 * What a signed-in caller shows before weakening or changing 2FA: a current code (TOTP or
 * backup, seed 004) or the session's sudo grant, i.e. a sign-in or re-authentication within
 * the last 10 minutes (seed 000's body-less DELETE; lib/auth/policy.ts).
 */
export type IdentityProof = { code: string } | { sudo: SudoGrant };

export async function assertIdentityProof(userId: string, proof: IdentityProof, db: DbTx = prisma): Promise<void> {
  if ("code" in proof) {
    // A try of the account's budget (attempt-budget.ts), taken before the code is judged, so
    // a stolen access token cannot brute-force the 10^6 TOTP codes, even in parallel.
    const attempt = await reserveAttempt({ userId, factor: "code" }, db);
    if (!(await matchSecondFactor({ userId, code: proof.code }, db))) throw new AppError("INVALID_2FA_CODE");
    await releaseAttempt(attempt, db);
    return;
  }
  assertSudoGrant(proof.sudo, userId);
}
