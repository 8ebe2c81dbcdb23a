import { z } from "zod";
import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import {
  LoginAnswer,
  MessageAnswer,
  ReauthenticatedAnswer,
  RefreshAnswer,
  RegisterAnswer,
  SignInAnswer,
} from "@/lib/openapi/schemas/auth";
import {
  changePasswordSchema,
  emailOnlySchema,
  loginSchema,
  logoutSchema,
  reauthenticateSchema,
  refreshSchema,
  registerSchema,
  resetPasswordSchema,
  verifyEmailSchema,
} from "@/lib/validation/auth";
import { appleSignInSchema, googleSignInSchema } from "@/lib/validation/social-sign-in";
import { verifyTwoFactorLoginSchema } from "@/lib/validation/two-factor";

const AUTH = ["Authentication"];
const PASSWORD = ["Password"];
const VERIFICATION = ["Email verification"];

const EXAMPLE_TOKEN = "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f";

export const authOps = defineOperations({
  register: {
    method: "post",
    path: "/api/auth/register",
    operationId: "register",
    tags: AUTH,
    summary: "Register (API clients)",
    description:
      "Seeds 002 (`{name, email, password}`) and 004 (`{email, password, firstName, lastName}`). Creates the account, sends a verification email and signs in: the answer carries the tokens. Passwords: at least 8 characters with an upper-case letter, a lower-case letter and a digit, at most 72 bytes, not a common password.",
    policy: POLICY.public,
    body: {
      schema: registerSchema,
      examples: {
        seed004: { summary: "Seed 004", value: { email: "john.doe@example.com", password: "SecurePassword123!", firstName: "John", lastName: "Doe" } },
        seed002: { summary: "Seed 002", value: { name: "John Doe", email: "john.doe@example.com", password: "SecurePassword123!" } },
      },
    },
    responses: [{ status: 201, description: "Registered and signed in.", schema: RegisterAnswer, examples: { registered: EXAMPLES.registered } }],
    errors: ["EMAIL_ALREADY_EXISTS", "TOO_MANY_REQUESTS"],
    rootAliases: ["/auth/register"],
  },
  login: {
    method: "post",
    path: "/api/auth/login",
    operationId: "login",
    tags: AUTH,
    summary: "Sign in with email and password",
    description:
      "Seeds 002 (`/auth/login` and `/auth/signin`), 003 and 004. With 2FA on, the answer is a challenge (`requires2FA`, `tempToken`) to complete with `POST /api/auth/2fa/verify`. Five failed attempts for one account within 15 minutes lock it for the rest of the window (429 with `Retry-After`). With `AUTH_REQUIRE_VERIFIED_EMAIL=true`, an unverified account gets 403 `EMAIL_NOT_VERIFIED`.",
    policy: POLICY.public,
    body: {
      schema: loginSchema,
      examples: { seed004: { summary: "Seeds 002, 003 and 004", value: { email: "john.doe@example.com", password: "SecurePassword123!" } } },
    },
    responses: [
      {
        status: 200,
        description: "Signed in (`SignInAnswer`), or a second factor is due (`TwoFactorChallengeAnswer`).",
        schema: LoginAnswer,
        examples: { signedIn: EXAMPLES.signedIn, twoFactorRequired: EXAMPLES.twoFactorRequired },
      },
    ],
    errors: ["INVALID_CREDENTIALS", "EMAIL_NOT_VERIFIED", "ACCOUNT_DISABLED", "ACCOUNT_LOCKED"],
    rootAliases: ["/auth/login", "/auth/signin"],
  },
  signInWithGoogle: {
    method: "post",
    path: "/api/auth/google",
    operationId: "signInWithGoogle",
    tags: AUTH,
    summary: "Sign in with a Google ID token",
    description:
      "Seed 002: the app's Google ID token, checked against Google's keys, issuer, audience (`AUTH_GOOGLE_ID`) and expiry. A verified email links to the existing account; otherwise an account is created. Answers like login, including the 2FA challenge.",
    policy: POLICY.public,
    body: { schema: googleSignInSchema, examples: { seed002: { summary: "Seed 002", value: { idToken: "eyJhbGciOiJSUzI1NiIsImtpZCI6Ij...In0.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmdvb2dsZS5jb20i...fQ.c2lnbmF0dXJl" } } } },
    responses: [{ status: 200, description: "Signed in, or a second factor is due.", schema: LoginAnswer }],
    errors: ["INVALID_ID_TOKEN", "ACCOUNT_DISABLED", "EMAIL_NOT_VERIFIED", "PROVIDER_ERROR", "PROVIDER_NOT_CONFIGURED"],
    rootAliases: ["/auth/google"],
  },
  signInWithApple: {
    method: "post",
    path: "/api/auth/apple",
    operationId: "signInWithApple",
    tags: AUTH,
    summary: "Sign in with an Apple identity token",
    description:
      "Seed 002: the app's Apple identity token, checked against Apple's keys, issuer, audience (`AUTH_APPLE_ID`) and expiry; `user` is the name Apple gives on first sign-in. Answers like login, including the 2FA challenge.",
    policy: POLICY.public,
    body: { schema: appleSignInSchema, examples: { seed002: { summary: "Seed 002", value: { identityToken: "eyJhbGciOiJSUzI1NiIsImtpZCI6Ij...In0.eyJpc3MiOiJodHRwczovL2FwcGxlaWQuYXBwbGUuY29tIi...fQ.c2lnbmF0dXJl" } } } },
    responses: [{ status: 200, description: "Signed in, or a second factor is due.", schema: LoginAnswer }],
    errors: ["INVALID_ID_TOKEN", "ACCOUNT_DISABLED", "EMAIL_NOT_VERIFIED", "PROVIDER_ERROR", "PROVIDER_NOT_CONFIGURED"],
    rootAliases: ["/auth/apple"],
  },
  startOAuthSignIn: {
    method: "get",
    path: "/api/auth/oauth/{provider}",
    operationId: "startOAuthSignIn",
    tags: AUTH,
    summary: "Sign in with Google or GitHub (redirect)",
    description:
      "Seed 004: open it in a browser. It redirects to the provider (through Auth.js); after consent the provider comes back to Auth.js, which ends at `GET /api/oauth/complete` with login's JSON answer and API tokens. An unconfigured provider answers 503 `PROVIDER_NOT_CONFIGURED`.",
    policy: POLICY.public,
    params: { path: z.object({ provider: z.enum(["google", "github"]).meta({ example: "google" }) }) },
    responses: [{ status: 302, description: "To the provider's consent page; the OAuth flow's cookies are set." }],
    errors: ["NOT_FOUND", "PROVIDER_NOT_CONFIGURED"],
  },
  completeOAuthSignIn: {
    method: "get",
    path: "/api/oauth/complete",
    operationId: "completeOAuthSignIn",
    tags: AUTH,
    summary: "End of the Google/GitHub sign-in",
    description:
      "Where `GET /api/auth/oauth/{provider}` ends, with the session cookie Auth.js set during the flow: answers like login (API tokens, or the 2FA challenge) and clears that cookie, so the client holds only API tokens. Without that cookie it answers 401, except with `?challenge=` (an account with 2FA: no session was opened yet).",
    policy: POLICY.optional,
    responses: [{ status: 200, description: "Signed in, or a second factor is due.", schema: LoginAnswer }],
    errors: ["UNAUTHORIZED", "INVALID_TOKEN", "USER_NOT_FOUND", "TWO_FACTOR_CHALLENGE_EXPIRED"],
  },
  verifyTwoFactorLogin: {
    method: "post",
    path: "/api/auth/2fa/verify",
    operationId: "verifyTwoFactorLogin",
    tags: [...AUTH, "Two-factor authentication"],
    summary: "Complete a sign-in with the second factor",
    description:
      "Seed 004 step 12: the `tempToken` of the login answer (valid 5 minutes) and a 6-digit TOTP code or an 8-digit backup code, each accepted once.",
    policy: POLICY.public,
    body: {
      schema: verifyTwoFactorLoginSchema,
      examples: { seed004: { summary: "Seed 004", value: { tempToken: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", token: "123456" } } },
    },
    responses: [{ status: 200, description: "Signed in.", schema: SignInAnswer, examples: { signedIn: EXAMPLES.signedIn } }],
    errors: ["INVALID_2FA_CODE", "TWO_FACTOR_CHALLENGE_EXPIRED", "ACCOUNT_LOCKED", "TOO_MANY_REQUESTS"],
  },
  reauthenticate: {
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
  },
  refreshAccessToken: {
    method: "post",
    path: "/api/auth/refresh",
    operationId: "refreshAccessToken",
    tags: AUTH,
    summary: "Get a new access token",
    description: "Seed 004: the refresh token stays valid until its session expires (7 days) or is revoked; keep the one login gave.",
    policy: POLICY.public,
    body: { schema: refreshSchema, examples: { seed004: { summary: "Seed 004", value: { refreshToken: "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f" } } } },
    responses: [{ status: 200, description: "A new access token.", schema: RefreshAnswer }],
    errors: ["INVALID_REFRESH_TOKEN"],
  },
  logout: {
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
        seed004: { summary: "Seed 004 (with the bearer token)", value: { refreshToken: "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f" } },
        seed003: { summary: "Seed 003", value: { email: "user@example.com" } },
      },
    },
    responses: [{ status: 200, description: "Signed out.", schema: MessageAnswer }],
    errors: ["FORBIDDEN"],
  },
  changePassword: {
    method: "post",
    path: "/api/auth/change-password",
    operationId: "changePassword",
    tags: PASSWORD,
    summary: "Change the password",
    description:
      "Seeds 002 and 004. The caller's session survives, every other one is revoked, a pending email change is cancelled, and an email tells the owner what was ended. The optional `revokeTokensAndApps: true` (not in the seeds' bodies, which stay valid without it) also revokes every personal access token and third-party app grant. The new password must differ from the current one (400 VALIDATION_ERROR on `newPassword`). Message: « Mot de passe modifié avec succès » (seed 004; seed 002 showed \"Password updated successfully\", the English text).",
    policy: POLICY.proof,
    body: {
      schema: changePasswordSchema,
      examples: { seed004: { summary: "Seeds 002 and 004", value: { currentPassword: "SecurePassword123!", newPassword: "NewSecurePassword456!" } } },
    },
    responses: [{ status: 200, description: "Password changed.", schema: MessageAnswer }],
    errors: ["INVALID_PASSWORD", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
    rootAliases: ["/auth/change-password"],
  },
  forgotPassword: {
    method: "post",
    path: "/api/auth/forgot-password",
    operationId: "forgotPassword",
    tags: PASSWORD,
    summary: "Ask for a password reset link",
    description:
      "Seed 004. The same answer whether or not the address has an account. The emailed link is valid 1 hour, once. Message: « Si cet email existe, un lien de réinitialisation a été envoyé ».",
    policy: POLICY.public,
    body: { schema: emailOnlySchema, examples: { seed004: { summary: "Seed 004", value: { email: "john.doe@example.com" } } } },
    responses: [{ status: 200, description: "Sent if the account exists.", schema: MessageAnswer }],
    errors: ["TOO_MANY_REQUESTS"],
  },
  resetPassword: {
    method: "post",
    path: "/api/auth/reset-password",
    operationId: "resetPassword",
    tags: PASSWORD,
    summary: "Ask for a reset link, or set the new password",
    description:
      "Documented twice (CONTRACT 1): seed 002 sends `{email}` to get the link (answered the same whether or not the account exists); seed 004 sends `{token, newPassword}` to set the password, which ends every session (and its refresh token), every personal access token and third-party app grant, and a pending email change; the confirmation email lists them. The body decides. Messages: « Si cet email existe, un lien de réinitialisation a été envoyé » / « Mot de passe réinitialisé avec succès ».",
    policy: POLICY.public,
    body: {
      schema: z.union([resetPasswordSchema, emailOnlySchema]),
      examples: {
        seed004: { summary: "Seed 004: set the password", value: { token: EXAMPLE_TOKEN, newPassword: "NewSecurePassword789!" } },
        seed002: { summary: "Seed 002: ask for the link", value: { email: "john.doe@example.com" } },
      },
    },
    responses: [{ status: 200, description: "Link sent (if the account exists), or password reset.", schema: MessageAnswer }],
    errors: ["INVALID_OR_EXPIRED_TOKEN", "TOO_MANY_REQUESTS"],
    rootAliases: ["/auth/reset-password"],
  },
  confirmPasswordReset: {
    method: "post",
    path: "/api/auth/reset-password/confirm",
    operationId: "confirmPasswordReset",
    tags: PASSWORD,
    summary: "Set the new password with the emailed token",
    description: "Seed 002: `token` is the `?token=` of the emailed link (valid 1 hour, once). Every session is revoked. Message: « Mot de passe réinitialisé avec succès ».",
    policy: POLICY.public,
    body: { schema: resetPasswordSchema, examples: { seed002: { summary: "Seed 002", value: { token: EXAMPLE_TOKEN, newPassword: "NewSecurePassword789!" } } } },
    responses: [{ status: 200, description: "Password reset.", schema: MessageAnswer }],
    errors: ["INVALID_OR_EXPIRED_TOKEN"],
    rootAliases: ["/auth/reset-password/confirm"],
  },
  sendVerificationEmail: {
    method: "post",
    path: "/api/auth/send-verification",
    operationId: "sendVerificationEmail",
    tags: VERIFICATION,
    summary: "Send a new verification email to the caller",
    description: "Seed 004 (body-less). The link is valid 24 hours, once; earlier links stop working. Message: « Email de vérification envoyé ».",
    policy: POLICY.signedIn,
    responses: [{ status: 200, description: "Sent.", schema: MessageAnswer }],
    errors: ["EMAIL_ALREADY_VERIFIED", "USER_NOT_FOUND", "TOO_MANY_REQUESTS"],
  },
  verifyEmail: {
    method: "post",
    path: "/api/auth/verify",
    operationId: "verifyEmail",
    tags: VERIFICATION,
    summary: "Verify the email with the emailed token",
    description: "Seed 004. Message: « Email vérifié avec succès ».",
    policy: POLICY.public,
    body: { schema: verifyEmailSchema, examples: { seed004: { summary: "Seed 004", value: { token: EXAMPLE_TOKEN } } } },
    responses: [{ status: 200, description: "Verified.", schema: MessageAnswer }],
    errors: ["INVALID_OR_EXPIRED_TOKEN", "USER_NOT_FOUND"],
  },
});

export const authOperations: ApiOperation[] = operationList(authOps);
