import type { ZodOpenApiComponentsObject } from "zod-openapi";
import type { CredentialKind, RoutePolicy } from "@/lib/auth/policy";
import { SCOPES, type Scope } from "@/lib/core/scopes";
import { sessionCookieName } from "@/lib/auth/session-cookie";

const SCOPE_TEXT: Record<Scope, string> = {
  openid: "the user's identifier (`sub`)",
  profile: "read and change the profile and its photo (seed 001's routes need it)",
  email: "the email address",
  account: "everything else a first-party client does for its user (password, 2FA, sessions, account)",
};

/** Every protected route takes a bearer access token or the Auth.js session cookie (docs/contracts/README.md "Who is calling"). */
export const securitySchemes: NonNullable<ZodOpenApiComponentsObject["securitySchemes"]> = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: [
      "An access token from login, register, refresh, 2FA verification or Google/Apple sign-in: a JWT valid 15 minutes, bound to one session (revoking the session invalidates it at once). Renew it with `POST /api/auth/refresh`.",
      "",
      "Scopes a token may carry (first-party sign-ins get all of them; a token issued to a third-party OAuth client may hold fewer, and a route missing its scope answers 403 with `WWW-Authenticate: Bearer error=\"insufficient_scope\"`):",
      ...SCOPES.map((scope) => `- \`${scope}\`: ${SCOPE_TEXT[scope]}`),
      "",
      "The same header also carries a personal access token (`pat_...`, scopes `profile` and/or `email`) or an access token the portal's OpenID Connect provider issued to a third-party app (opaque): each operation's description says which credentials it accepts. Sensitive operations (email, password, two-factor, tokens, apps, export, deletion) accept only the portal's own sign-ins, and those without a password or code in their body also need a sign-in or `POST /api/auth/reauthenticate` within the last 10 minutes (403 `REAUTH_REQUIRED`).",
    ].join("\n"),
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: sessionCookieName(false),
    description: `The Auth.js session cookie the portal's pages sign in with (\`${sessionCookieName(true)}\` over https). Requests that change state with it must come from the portal's own origin (same-origin \`Origin\` or \`Sec-Fetch-Site\`), otherwise 403 \`CSRF_FAILED\`.`,
  },
};

export type SecurityRequirement = Record<string, string[]>[];

export function securityFor(policy: RoutePolicy): SecurityRequirement {
  if (policy.access === "public") return [];
  if (policy.access === "optional") return [{ bearerAuth: [] }, { cookieAuth: [] }, {}];
  const scopes = policy.scope ? [policy.scope] : [];
  return [{ bearerAuth: scopes }, ...(policy.kinds.includes("cookie") ? [{ cookieAuth: [] }] : [])];
}

const KIND_TEXT: Record<CredentialKind, string> = {
  cookie: "the portal's session cookie",
  "access-token": "the portal's access token",
  "personal-token": "a personal access token",
  "oauth-token": "a third-party app's OpenID Connect access token",
};

/**
 * The policy in words, appended to each operation's description: which credentials it
 * accepts and whether it is sensitive (lib/auth/policy.ts).
 */
export function policyText(policy: RoutePolicy): string {
  if (policy.access === "public") return "";
  if (policy.access === "optional") return "**Credentials**: optional; with one, it must be the portal's own (cookie or access token).";
  const kinds = policy.kinds.map((kind) => KIND_TEXT[kind]).join(", ");
  const scope = policy.scope ? ` holding \`${policy.scope}\`` : "";
  const lines = [`**Credentials**: ${kinds}${scope}.`];
  if (policy.sensitivity === "sudo") {
    lines.push(
      "**Sensitive** (sudo mode): first-party only, and the session must have signed in or re-authenticated (`POST /api/auth/reauthenticate`) within the last 10 minutes, otherwise 403 `REAUTH_REQUIRED`.",
    );
  } else if (policy.sensitivity === "proof") {
    lines.push(
      "**Sensitive**: first-party only (a third-party token gets 403 `INSUFFICIENT_SCOPE` whatever its scope). The proof in the body (password or code) is the re-authentication; where the body may carry none, the session must be within its 10-minute sudo window (else 403 `REAUTH_REQUIRED`).",
    );
  }
  for (const [field, sensitivity] of Object.entries(policy.sensitiveFields ?? {})) {
    lines.push(
      sensitivity === "sudo"
        ? `**Sensitive field** \`${field}\`: first-party only (a third-party token gets 403 \`INSUFFICIENT_SCOPE\`), and within the 10-minute sudo window (\`POST /api/auth/reauthenticate\`), otherwise 403 \`REAUTH_REQUIRED\`; the other fields need only the scope.`
        : `**Sensitive field** \`${field}\`: first-party only (a third-party token gets 403 \`INSUFFICIENT_SCOPE\`); the password it comes with is the re-authentication.`,
    );
  }
  return lines.join("\n\n");
}
