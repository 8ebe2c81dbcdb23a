import "server-only";
import { AppError } from "@/lib/core/errors";
import { resolveCaller, getCaller, type Caller, type FirstPartyCaller } from "@/lib/auth/caller";
import { isSameOriginWrite } from "@/lib/auth/csrf";
import { hasRecentAuthentication } from "@/lib/services/auth/recent-auth";
import { insufficientScope } from "@/lib/services/auth/refusals";
import { grantSudo, type SudoGrant } from "@/lib/services/auth/sudo-grant";
import type { Scope } from "@/lib/core/scopes";

/**
 * The credential policy: what each kind of credential may do, in one place. Every API route
 * declares its policy once, in its definition (defineRoute, lib/contracts/<client>/routes), and
 * the route plumbing (lib/api/define-route.ts) enforces it before the handler runs; every server action
 * declares its own with `defineAction` (lib/actions/define-action.ts), enforced the same way.
 *
 * Credential kinds accepted as a caller:
 * - `cookie`: the Auth.js browser session cookie (first-party; names a Session row);
 * - `access-token`: the portal's own API access token, a JWT bound to a Session row (first-party);
 * - `personal-token`: a personal access token (`pat_...`), with the scopes its owner chose;
 * - `oauth-token`: an access token the OpenID Connect provider issued to a third-party app.
 * Refresh tokens, 2FA temp tokens and emailed tokens are not callers: each is accepted only
 * in the body of its own route, and as a bearer anywhere it is refused as an invalid token.
 */
export type CredentialKind = "cookie" | "access-token" | "personal-token" | "oauth-token";

export const FIRST_PARTY_KINDS = ["cookie", "access-token"] as const satisfies readonly CredentialKind[];
export const ALL_CREDENTIAL_KINDS = ["cookie", "access-token", "personal-token", "oauth-token"] as const satisfies readonly CredentialKind[];

/**
 * How sensitive a route or action is. Sensitive ones change how someone signs in or who can
 * act for them; they are first-party only, whatever a third-party token's scope.
 * - `none`: what the scope allows;
 * - `sudo`: also a recent re-authentication (the session's sign-in or `reauthenticatedAt`
 *   within 10 minutes), checked before the body is read, else 403 REAUTH_REQUIRED;
 * - `proof`: the body itself carries the proof (current password, a 2FA code), which the
 *   service verifies: that proof is the re-authentication, so no recency is asked.
 */
export type Sensitivity = "none" | "sudo" | "proof";

export type RoutePolicy =
  /** No credential is read at all. */
  | { readonly access: "public" }
  /** A first-party credential changes what the route does (sign-out); none is fine. */
  | { readonly access: "optional" }
  | {
      readonly access: "caller";
      readonly kinds: readonly CredentialKind[];
      /** The scope a token must hold (first-party sign-ins hold them all). */
      readonly scope?: Scope;
      readonly sensitivity: Sensitivity;
      /**
       * Body fields that are sensitive on an otherwise ordinary route (the sign-in email in a
       * profile update). The handler must hold a `SudoGrant` to act on them, which only
       * `sudoGrant(caller)` makes: the service refuses without one.
       */
      readonly sensitiveFields?: Readonly<Record<string, Exclude<Sensitivity, "none">>>;
    };

export type CallerPolicy = Extract<RoutePolicy, { access: "caller" }>;

/** The policies routes use; an operation may add `sensitiveFields` to one. */
export const POLICY = {
  public: { access: "public" },
  optional: { access: "optional" },
  /** Any first-party sign-in (cookie or the portal's access token). */
  signedIn: { access: "caller", kinds: FIRST_PARTY_KINDS, sensitivity: "none" },
  /** First-party, `account` scope: what only the user's own clients do. */
  account: { access: "caller", kinds: FIRST_PARTY_KINDS, scope: "account", sensitivity: "none" },
  /** Any credential holding `profile`: seed 001's OAuth clients and personal access tokens too. */
  profile: { access: "caller", kinds: ALL_CREDENTIAL_KINDS, scope: "profile", sensitivity: "none" },
  /** A sensitive change with nothing to prove in its body: first-party and a recent re-authentication. */
  sudo: { access: "caller", kinds: FIRST_PARTY_KINDS, scope: "account", sensitivity: "sudo" },
  /** A sensitive change whose body carries the proof (password, 2FA code): first-party only. */
  proof: { access: "caller", kinds: FIRST_PARTY_KINDS, scope: "account", sensitivity: "proof" },
} as const satisfies Record<string, RoutePolicy>;

/** The caller a handler gets under a policy: first-party (with its session) when only first-party kinds are allowed. */
export type CallerFor<P extends RoutePolicy> = P extends { access: "public" }
  ? null
  : P extends { access: "optional" }
    ? FirstPartyCaller | null
    : P extends { kinds: readonly ("cookie" | "access-token")[] }
      ? FirstPartyCaller
      : Caller;

export function credentialKindOf(caller: Caller): CredentialKind {
  if (caller.kind === "pat") return "personal-token";
  if (caller.kind === "oauth") return "oauth-token";
  return caller.via === "cookie" ? "cookie" : "access-token";
}

export function isFirstPartyKind(kind: CredentialKind): kind is (typeof FIRST_PARTY_KINDS)[number] {
  return (FIRST_PARTY_KINDS as readonly CredentialKind[]).includes(kind);
}

/** 401: no credential (UNAUTHORIZED) or one that is not valid here (INVALID_TOKEN), with its Bearer challenge. */
export function authenticationRequired(request: Request): AppError {
  const hadToken = request.headers.has("authorization");
  return new AppError(hadToken ? "INVALID_TOKEN" : "UNAUTHORIZED", {
    headers: { "WWW-Authenticate": hadToken ? 'Bearer error="invalid_token"' : 'Bearer realm="api"' },
  });
}

/** A first-party caller, or 403 insufficient_scope: sensitive changes are never a third-party token's. */
export function assertFirstParty(caller: Caller): asserts caller is FirstPartyCaller {
  if (caller.kind !== "first-party") throw insufficientScope();
}

/**
 * Resolves and checks the caller of a request as the policy says, before anything of the
 * body is read: 401 without a valid credential, 403 CSRF_FAILED for a cookie write from
 * another origin, 403 INSUFFICIENT_SCOPE for a credential kind or scope the policy does not
 * allow (sensitive routes allow no third-party token, whatever its scope), 403
 * REAUTH_REQUIRED for a `sudo` route outside the session's 10-minute window.
 */
export async function authorizeRequest<P extends RoutePolicy>(request: Request, policy: P): Promise<CallerFor<P>>;
export async function authorizeRequest(request: Request, policy: RoutePolicy): Promise<Caller | null> {
  if (policy.access === "public") return null;
  if (policy.access === "optional") {
    const caller = await getCaller(request);
    if (caller?.via === "cookie" && !isSameOriginWrite(request)) throw new AppError("CSRF_FAILED");
    return caller;
  }
  const caller = await resolveCaller(request);
  if (!caller) throw authenticationRequired(request);
  if (caller.via === "cookie" && !isSameOriginWrite(request)) throw new AppError("CSRF_FAILED");
  const kind = credentialKindOf(caller);
  const allowed = policy.kinds.includes(kind) && (policy.sensitivity === "none" || isFirstPartyKind(kind));
  if (!allowed || (policy.scope && !caller.scopes.includes(policy.scope))) throw insufficientScope(policy.scope);
  if (policy.sensitivity === "sudo") sudoGrant(caller);
  return caller;
}

/** The proof of sudo mode services ask for; its rules are the service layer's (lib/services/auth/sudo-grant.ts). */
export type { SudoGrant };

/** The caller's SudoGrant, or 403 INSUFFICIENT_SCOPE (third-party token) / REAUTH_REQUIRED (outside the window). */
export function sudoGrant(caller: Caller): SudoGrant {
  assertFirstParty(caller);
  return grantSudo(caller.user.id, caller.session);
}

/** The caller's SudoGrant when it is within the window, else undefined (for a service that accepts another proof). */
export function recentSudoGrant(caller: Caller): SudoGrant | undefined {
  return caller.kind === "first-party" && hasRecentAuthentication(caller.session) ? sudoGrant(caller) : undefined;
}
