import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/validation/validate";
import type { FirstPartyCaller } from "@/lib/auth/caller";
import { recentSudoGrant, sudoGrant, type Sensitivity, type SudoGrant } from "@/lib/auth/policy";
import { getOptionalUser, requireUser, type CurrentUser } from "@/lib/auth/require-user";
import { clientInfo, type ClientInfo } from "@/lib/core/client-info";
import type { Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/auth/locale";

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
      /** Input fields that need a sudo grant (`sudo()`), as an operation's `sensitiveFields`. */
      readonly sensitiveFields?: Readonly<Record<string, Exclude<Sensitivity, "none">>>;
      /**
       * Where a signed-out visitor comes back to after signing in; a function of the action's
       * arguments when the page depends on them (the consent page's uid).
       */
      readonly callbackUrl?: string | ((...args: never[]) => string);
    };

/** A server action carrying its declared policy (read by the credential matrix test). */
export type PolicyAction<F extends (...args: never) => Promise<unknown>> = F & { readonly policy: ActionPolicy };

/**
 * What an action reads: its schema alone (the action takes one argument, validated whole),
 * or the schema and `from`, which makes the object to validate out of the action's arguments
 * (a form's FormData, several arguments, a field renamed). `from` only gathers: the schema
 * judges.
 */
export type ActionInput = z.ZodType | { readonly schema: z.ZodType; readonly from: (...args: never[]) => unknown };

/** The action's arguments, as its callers pass them. */
export type ActionArgs<I> = I extends z.ZodType ? [input: z.input<I>] : I extends { from: (...args: infer A) => unknown } ? A : [];

/** The handler's `input`: the arguments parsed and validated. */
export type ActionInputOf<I> = I extends z.ZodType ? z.output<I> : I extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;

type ContextBase<I> = {
  /** The arguments, parsed and validated by the action's schema. */
  input: ActionInputOf<I>;
  /** The page's language (the user's saved one, else the browser's). */
  locale: Locale;
  /** Where the request comes from, read from the same headers the API reads (computed on first read). */
  readonly client: ClientInfo;
};

/** What a signed-in user's action handler receives. */
export type UserActionContext<I = undefined> = ContextBase<I> &
  CurrentUser & {
    /** The session's SudoGrant, or a thrown REAUTH_REQUIRED (answered as the failure below). */
    sudo: () => SudoGrant;
    /** The SudoGrant when the session is within its window, else undefined. */
    recentSudo: () => SudoGrant | undefined;
  };

/** What a public action's handler receives. */
export type PublicActionContext<I = undefined> = ContextBase<I> & {
  /** The browser's signed-in user, if any (a public action only asks when it matters, e.g. to sign out first). */
  signedIn: () => Promise<CurrentUser | null>;
};

export type ActionContext<P extends ActionPolicy, I> = P extends { access: "user" } ? UserActionContext<I> : PublicActionContext<I>;

/** A page to revalidate once the action succeeded: its path, or the path and `type` of revalidatePath. */
export type Revalidation = string | { readonly path: string; readonly type: "layout" | "page" };

type DefinitionBase<P extends ActionPolicy, I extends ActionInput | undefined> = {
  policy: P & { readonly callbackUrl?: string | ((...args: ActionArgs<I>) => string) };
  input?: I;
  /** Revalidated (in order) after the handler succeeded, before the action answers. */
  revalidate?: readonly Revalidation[];
};

/** The usual answer: the handler's object as `{ ok: true, ...}`, or an ActionFailure (never a thrown error). */
export type ResultActionDefinition<P extends ActionPolicy, I extends ActionInput | undefined, T extends object> = DefinitionBase<P, I> & {
  answer?: "result";
  handler: (context: ActionContext<P, I>) => Promise<T>;
};

/**
 * A plain HTML form's action, which answers with redirect() and never with a result: any
 * error goes to Next's error page, as a form without JavaScript has nowhere to show a
 * message. Limited to non-sensitive work, since such a form cannot show the
 * re-authentication dialog either.
 */
export type RedirectActionDefinition<P extends ActionPolicy, I extends ActionInput | undefined> = DefinitionBase<P, I> & {
  policy: { readonly access: "public" } | { readonly access: "user"; readonly sensitivity: "none" };
  answer: "redirect";
  handler: (context: ActionContext<P, I>) => Promise<void>;
};

/** An answer in the page's own shape (useActionState's state): made from the ActionResult the handler's outcome would be. */
export type MappedActionDefinition<P extends ActionPolicy, I extends ActionInput | undefined, T extends object, R> = DefinitionBase<P, I> & {
  answer: (result: ActionResult<T>, locale: Locale) => R;
  handler: (context: ActionContext<P, I>) => Promise<T>;
};

type AnyDefinition = DefinitionBase<ActionPolicy, ActionInput | undefined> & {
  answer?: "result" | "redirect" | ((result: ActionResult<object>, locale: Locale) => unknown);
  handler: (context: UserActionContext<ActionInput | undefined> | PublicActionContext<ActionInput | undefined>) => Promise<object | void>;
};

/** Every action defineAction made, so a test can tell them from hand-written ones. */
const DEFINED = new WeakSet<object>();

/** Whether the value is an action made by defineAction (tests/unit/action-definitions.test.ts). */
export function isDefinedAction(value: unknown): value is PolicyAction<(...args: never) => Promise<unknown>> {
  return typeof value === "function" && DEFINED.has(value);
}

function callerOf(current: CurrentUser): FirstPartyCaller {
  return { kind: "first-party", user: current.user, session: current.session, scopes: current.session.scopes, via: "cookie" };
}

function callbackUrlOf(policy: ActionPolicy, args: unknown[]): { callbackUrl?: string } {
  if (policy.access !== "user" || policy.callbackUrl === undefined) return {};
  if (typeof policy.callbackUrl === "string") return { callbackUrl: policy.callbackUrl };
  return { callbackUrl: (policy.callbackUrl as (...args: unknown[]) => string)(...args) };
}

function readInput(input: ActionInput | undefined, args: unknown[], locale: Locale): unknown {
  if (input === undefined) return undefined;
  if ("from" in input) return validate(input.schema, (input.from as (...args: unknown[]) => unknown)(...args), locale);
  return validate(input, args[0], locale);
}

function revalidate(targets: readonly Revalidation[] | undefined) {
  for (const target of targets ?? []) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.path, target.type);
  }
}

/**
 * Defines one server action: its policy, its input, the pages it revalidates and the named
 * handler that does the work (`handler: async function changePasswordAction({ input, user })`).
 * In order: the user is resolved from the session cookie (signed out: redirect to the login
 * page), the sudo window is checked for `sudo` actions before the input is read, the
 * arguments are validated (VALIDATION_ERROR with a message per field), the handler runs, the
 * pages are revalidated; all of it inside runAction, so an AppError becomes the ActionResult
 * failure unless `answer` says otherwise. Outside the sudo window a sensitive action answers
 * `{ ok: false, error: "REAUTH_REQUIRED", message }`: the browser's re-authentication dialog
 * (components/settings/sudo) asks for the password or a code, then retries the action.
 * The handler never reads the session, the language, the headers or its raw arguments itself.
 */
export function defineAction<const P extends ActionPolicy, const I extends ActionInput | undefined = undefined, T extends object = object>(
  definition: ResultActionDefinition<P, I, T>,
): PolicyAction<(...args: ActionArgs<I>) => Promise<ActionResult<T>>>;
export function defineAction<const P extends ActionPolicy, const I extends ActionInput | undefined = undefined>(
  definition: RedirectActionDefinition<P, I>,
): PolicyAction<(...args: ActionArgs<I>) => Promise<void>>;
export function defineAction<const P extends ActionPolicy, const I extends ActionInput | undefined, T extends object, R>(
  definition: MappedActionDefinition<P, I, T, R>,
): PolicyAction<(...args: ActionArgs<I>) => Promise<R>>;
export function defineAction(definition: AnyDefinition): PolicyAction<(...args: unknown[]) => Promise<unknown>> {
  const { policy, answer } = definition;
  const action = async (...args: unknown[]): Promise<unknown> => {
    const current = policy.access === "user" ? await requireUser(callbackUrlOf(policy, args)) : null;
    const locale = await getLocale();
    const requestHeaders = await headers();
    let client: ClientInfo | undefined;
    const clientOf = () => (client ??= clientInfo(new Request("http://localhost/", { headers: requestHeaders })));

    const work = async (): Promise<object> => {
      let context: UserActionContext<ActionInput | undefined> | PublicActionContext<ActionInput | undefined>;
      if (current) {
        const caller = callerOf(current);
        if (policy.access === "user" && policy.sensitivity === "sudo") sudoGrant(caller);
        context = {
          input: readInput(definition.input, args, locale),
          locale,
          get client() {
            return clientOf();
          },
          user: current.user,
          session: current.session,
          sudo: () => sudoGrant(caller),
          recentSudo: () => recentSudoGrant(caller),
        };
      } else {
        context = {
          input: readInput(definition.input, args, locale),
          locale,
          get client() {
            return clientOf();
          },
          signedIn: () => getOptionalUser(),
        };
      }
      const result = await definition.handler(context);
      revalidate(definition.revalidate);
      return result ?? {};
    };

    if (answer === "redirect") {
      await work();
      return undefined;
    }
    const result = await runAction(locale, work);
    return typeof answer === "function" ? answer(result, locale) : result;
  };
  DEFINED.add(action);
  return Object.assign(action, { policy });
}
