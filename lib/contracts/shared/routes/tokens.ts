import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { MessageAnswer, ReauthenticatedAnswer, RefreshAnswer } from "@/lib/contracts/shared/answers";
import { messageAnswer, reauthenticatedAnswer, refreshAnswer } from "@/lib/contracts/shared/mappers";
import { EXAMPLE_TOKEN, logoutSchema, refreshSchema } from "@/lib/contracts/shared/requests";
import { logOut } from "@/lib/services/auth/log-out";
import { reauthenticate as reauthenticateSession } from "@/lib/services/auth/reauthenticate";
import { refreshSession } from "@/lib/services/sessions/refresh-session";
import { reauthenticateSchema } from "@/lib/validation/auth";

/** What a signed-in API client does with its session (docs/contracts/README.md, "Sessions and tokens"). */

const AUTH = ["Authentication"];

/** `{password}` or `{code}`: opens the 10-minute sudo window on the caller's own session (first-party only). */
export const reauthenticate = defineRoute({
  method: "post",
  path: "/api/auth/reauthenticate",
  operationId: "reauthenticate",
  tags: AUTH,
  summary: "Confirm the caller's identity (sudo mode)",
  description:
    "Sensitive changes (email, 2FA set-up, data export, and in the portal's pages password, tokens and apps) need a sign-in or a re-authentication within the last 10 minutes, otherwise they answer 403 `REAUTH_REQUIRED`. Send the password, or a current TOTP or backup code (accounts with 2FA); the session of this request may then make them for 10 minutes. Only the portal's own sign-ins (its access token or session cookie) can re-authenticate. Message: « Identité confirmée ».",
  policy: POLICY.signedIn,
  body: {
    schema: reauthenticateSchema,
    examples: {
      password: { summary: "With the password", value: { password: "SecurePassword123!" } },
      code: { summary: "With a TOTP or backup code", value: { code: "123456" } },
    },
  },
  responses: [
    {
      status: 200,
      description: "Re-authenticated.",
      schema: ReauthenticatedAnswer,
      example: { success: true, message: "Identité confirmée", data: { reauthenticatedAt: "2025-01-15T10:30:00.000Z", sudoUntil: "2025-01-15T10:40:00.000Z" } },
    },
  ],
  errors: ["INVALID_PASSWORD", "INVALID_2FA_CODE", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function reauthenticate({ caller, body, client, locale }) {
  const { reauthenticatedAt } = await reauthenticateSession({ userId: caller.user.id, sessionId: caller.session.id, proof: body, client });
  return jsonResponse(reauthenticatedAnswer(reauthenticatedAt, locale));
});

/** 004: `{refreshToken}` → `{success, data: {accessToken}}`. */
export const refreshAccessToken = defineRoute({
  method: "post",
  path: "/api/auth/refresh",
  operationId: "refreshAccessToken",
  tags: AUTH,
  summary: "Get a new access token",
  description: "Seed 004: the refresh token stays valid until its session expires (7 days) or is revoked; keep the one login gave.",
  policy: POLICY.public,
  body: { schema: refreshSchema, examples: { seed004: { summary: "Seed 004", value: { refreshToken: EXAMPLE_TOKEN } } } },
  responses: [{ status: 200, description: "A new access token.", schema: RefreshAnswer }],
  errors: ["INVALID_REFRESH_TOKEN"],
}, async function refreshAccessToken({ body }) {
  const { accessToken } = await refreshSession({ refreshToken: body.refreshToken });
  return jsonResponse(refreshAnswer(accessToken));
});

/**
 * 004 (bearer + `{refreshToken}`) and 003 (`{email}`). A credential is optional here: see
 * lib/services/auth/log-out.ts for what each combination may revoke.
 */
export const logout = defineRoute({
  method: "post",
  path: "/api/auth/logout",
  operationId: "logout",
  tags: AUTH,
  summary: "Sign out",
  description:
    "Seed 004 (bearer and `{refreshToken}`) and seed 003 (`{email}`, the caller's own only). Revokes the session: its refresh token and access tokens stop working at once. Message: « Déconnexion réussie ».",
  policy: POLICY.optional,
  body: {
    schema: logoutSchema,
    optional: true,
    examples: {
      seed004: { summary: "Seed 004 (with the bearer token)", value: { refreshToken: EXAMPLE_TOKEN } },
      seed003: { summary: "Seed 003", value: { email: "user@example.com" } },
    },
  },
  responses: [{ status: 200, description: "Signed out.", schema: MessageAnswer }],
  errors: ["FORBIDDEN"],
}, async function logout({ caller, body, client, locale }) {
  await logOut({ caller, email: body.email, refreshToken: body.refreshToken, client });
  return jsonResponse(messageAnswer(locale, "loggedOut"));
});
