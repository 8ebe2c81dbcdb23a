import "server-only";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import type { FirstPartyCaller } from "@/lib/auth/caller";
import { recentSudoGrant, sudoGrant, type Sensitivity, type SudoGrant } from "@/lib/auth/policy";
import { requireUser, type CurrentUser } from "@/lib/auth/require-user";
import type { Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/server";

/**
 * A server action's policy, declared once where the action is defined (the API routes'
 * counterpart is the operation's `policy`, lib/auth/policy.ts). Server actions are the
 * browser's: they accept the Auth.js session cookie only.
 * - `public`: no credential (sign-in, registration, password reset);
 * - `user`: a signed-in browser; a signed-out one is sent to the login page and back.
 *   `sensitivity` as for routes: `sudo` needs the session's sign-in or re-authentication
 *   within 10 minutes, else the action answers the REAUTH_REQUIRED failure (below) before
 *   reading its input; `proof` means its input carries the password, which is the
 *   re-authentication.
 */
export type ActionPolicy =
  | { readonly access: "public" }
  | {
      readonly access: "user";
      readonly sensitivity: Sensitivity;
      /** Input fields that need a sudo grant (`ctx.sudo()`), as an operation's `sensitiveFields`. */
      readonly sensitiveFields?: Readonly<Record<string, Exclude<Sensitivity, "none">>>;
      /** Where a signed-out visitor comes back to after signing in. */
      readonly callbackUrl?: string;
    };

export type UserActionPolicy = Extract<ActionPolicy, { access: "user" }>;

/** A server action carrying its declared policy (read by the credential matrix test). */
export type PolicyAction<F extends (...args: never) => Promise<unknown>> = F & { readonly policy: ActionPolicy };

export type UserActionContext = CurrentUser & {
  locale: Locale;
  /** The session's SudoGrant, or a thrown REAUTH_REQUIRED (answered as the failure below). */
  sudo: () => SudoGrant;
  /** The SudoGrant when the session is within its window, else undefined. */
  recentSudo: () => SudoGrant | undefined;
};

/**
 * What a sensitive action answers outside the sudo window, the contract with the browser's
 * re-authentication dialog (which asks for the password or a code, calls
 * `reauthenticateAction`, then retries the action):
 * `{ ok: false, error: "REAUTH_REQUIRED", message }`, message in the page's language.
 */
export type ReauthRequiredResult = { ok: false; error: "REAUTH_REQUIRED"; message: string };

function callerOf(current: CurrentUser): FirstPartyCaller {
  return { kind: "first-party", user: current.user, session: current.session, scopes: current.session.scopes, via: "cookie" };
}

/**
 * Defines a signed-in user's server action under its policy: the user is resolved from the
 * session cookie (signed out: redirect to login), the sudo window is checked for `sudo`
 * actions before the input is read, and the work runs inside runAction (AppErrors become
 * ActionResult failures; REAUTH_REQUIRED becomes ReauthRequiredResult).
 */
export function userAction<A extends unknown[], T extends object>(
  policy: UserActionPolicy,
  work: (ctx: UserActionContext, ...args: A) => Promise<T>,
): PolicyAction<(...args: A) => Promise<ActionResult<T>>> {
  const action = async (...args: A): Promise<ActionResult<T>> => {
    const current = await requireUser(policy.callbackUrl ? { callbackUrl: policy.callbackUrl } : {});
    const locale = await getLocale();
    const caller = callerOf(current);
    return runAction(locale, async () => {
      if (policy.sensitivity === "sudo") sudoGrant(caller);
      return work({ ...current, locale, sudo: () => sudoGrant(caller), recentSudo: () => recentSudoGrant(caller) }, ...args);
    });
  };
  return Object.assign(action, { policy });
}

/**
 * A signed-in user's action behind a plain HTML form (it answers with a redirect, never a
 * result): same cookie-only resolution. Limited to non-sensitive work, since such a form has
 * nowhere to show the re-authentication dialog.
 */
export function userFormAction<A extends unknown[]>(
  policy: { readonly access: "user"; readonly sensitivity: "none"; readonly callbackUrl: (...args: A) => string },
  work: (ctx: CurrentUser, ...args: A) => Promise<void>,
): PolicyAction<(...args: A) => Promise<void>> {
  const action = async (...args: A): Promise<void> => work(await requireUser({ callbackUrl: policy.callbackUrl(...args) }), ...args);
  return Object.assign(action, { policy: { access: "user", sensitivity: "none", callbackUrl: "(per call)" } as const });
}

/** Marks an action that needs no credential (sign-in, registration, reset): its policy is declared, its body unchanged. */
export function publicAction<F extends (...args: never) => Promise<unknown>>(action: F): PolicyAction<F> {
  return Object.assign(action, { policy: { access: "public" } as const });
}
