import { AppError } from "@/lib/api/errors";
import { now } from "@/lib/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { releaseAttempt, reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { matchSecondFactor } from "@/lib/services/two-factor/verify-second-factor";

/** How long after signing in a caller may turn 2FA off or renew backup codes without a code. */
export const RECENT_SIGN_IN_MS = 10 * 60 * 1000;

/**
 * What a signed-in caller shows before weakening or changing 2FA: a current code (TOTP or
 * backup, seed 004) or a sign-in (the session's creation) within the last 10 minutes
 * (seed 000's body-less DELETE).
 */
export type IdentityProof = { code: string } | { signedInAt: Date };

export async function assertIdentityProof(userId: string, proof: IdentityProof, db: DbTx = prisma): Promise<void> {
  if ("code" in proof) {
    // A try of the account's budget (attempt-budget.ts), taken before the code is judged, so
    // a stolen access token cannot brute-force the 10^6 TOTP codes, even in parallel.
    const attempt = await reserveAttempt({ userId, factor: "code" }, db);
    if (!(await matchSecondFactor({ userId, code: proof.code }, db))) throw new AppError("INVALID_2FA_CODE");
    await releaseAttempt(attempt, db);
    return;
  }
  if (now().getTime() - proof.signedInAt.getTime() > RECENT_SIGN_IN_MS) throw new AppError("REAUTH_REQUIRED");
}
