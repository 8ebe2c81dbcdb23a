import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { prisma } from "@/lib/db/client";
import { reserveAttempt } from "@/lib/services/auth/attempt-budget";
import { createUser } from "../support/fixtures";

/**
 * Concurrent deletions of one account (tests/integration/profile-account.test.ts, "deletes once
 * under concurrent requests"): a request that read the user before another deleted it then
 * reserves a password attempt for an account that is gone. That must be USER_NOT_FOUND (404),
 * never the foreign-key violation answered as a 500.
 */
describe("an attempt reserved for an account deleted meanwhile", () => {
  it("is refused as USER_NOT_FOUND", async () => {
    const { user } = await createUser();
    await prisma.user.delete({ where: { id: user.id } });
    const refusal = await reserveAttempt({ userId: user.id, factor: "password" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isAppError(refusal) ? refusal.code : refusal).toBe("USER_NOT_FOUND");
    expect(await prisma.attemptBudget.count({ where: { userId: user.id } })).toBe(0);
  });
});
