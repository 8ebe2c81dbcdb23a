import type { ZodOpenApiComponentsObject } from "zod-openapi";
import { SCOPES, type Scope } from "@/lib/auth/scopes";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import type { ApiAuth } from "@/lib/openapi/operation";

const SCOPE_TEXT: Record<Scope, string> = {
  openid: "the user's identifier (`sub`)",
  profile: "read and change the profile and its photo (seed 001's routes need it)",
  email: "the email address",
  account: "everything else a first-party client does for its user (password, 2FA, sessions, account)",
};

/** CONTRACT 4: every protected route takes a bearer access token or the Auth.js session cookie. */
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

export function securityFor(auth: ApiAuth): SecurityRequirement {
  if (auth === "public") return [];
  if (auth === "optional") return [{ bearerAuth: [] }, { cookieAuth: [] }, {}];
  const scopes = auth === "user" ? [] : [auth.scope];
  return [{ bearerAuth: scopes }, { cookieAuth: [] }];
}
