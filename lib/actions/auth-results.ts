import type { ActionResult } from "@/lib/actions/action-result";

/**
 * What the sign-in pages' actions answer (app/(auth)/actions.ts): on success they redirect,
 * unless a second factor is asked, whose challenge comes back here.
 */
export type SignInResult = ActionResult<{ twoFactor?: { tempToken: string } }>;

/**
 * What an emailed link's page shows after its button (app/(auth)/email-change-actions.ts):
 * the address that is now (or stays) the account's, or why not.
 */
export type EmailLinkState = { status: "idle" } | { status: "done"; email: string } | { status: "error"; code: string; message: string };
