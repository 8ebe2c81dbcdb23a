import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { authenticationRequired, POLICY } from "@/lib/auth/policy";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { startSocialSignIn } from "@/lib/auth/start-social-sign-in";
import { LoginAnswer, RegisterAnswer, SignInAnswer } from "@/lib/contracts/shared/answers";
import { registerAnswer, signInAnswer, twoFactorChallengeAnswer } from "@/lib/contracts/shared/mappers";
import { appleSignInSchema, googleSignInSchema, verifyTwoFactorLoginSchema } from "@/lib/contracts/shared/requests";
import { AppError } from "@/lib/core/errors";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { authenticateWithPassword } from "@/lib/services/auth/authenticate-password";
import { completeSocialSignIn } from "@/lib/services/auth/complete-social-sign-in";
import { registerUser } from "@/lib/services/auth/register-user";
import { signInWithIdToken } from "@/lib/services/auth/sign-in-with-id-token";
import { completeTwoFactorLogin } from "@/lib/services/two-factor/complete-two-factor-login";
import { findLiveToken } from "@/lib/services/verification/one-time-token";
import { loginSchema, registerSchema } from "@/lib/validation/auth";

/**
 * Sign-up and sign-in, shared by the mobile app, NutriScan and REST v1: every sign-in answers
 * the one union login answer, or its 2FA challenge (docs/contracts/README.md, "Union answers:
 * one route, several clients").
 */

const AUTH = ["Authentication"];

/** 004 `{email, password, firstName, lastName}` and 002 `{name, email, password}`: 201 with tokens. */
export const register = defineRoute({
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
}, async function register({ body, client, locale }) {
  const { user, tokens } = await registerUser({ ...body, client, locale, signIn: true });
  return jsonResponse(registerAnswer({ user, tokens, locale }), { status: 201 });
});

/** 002 (`/auth/login`, `/auth/signin`), 003 and 004 login. */
export const login = defineRoute({
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
}, async function login({ body, client, locale }) {
  const result = await authenticateWithPassword({ ...body, client, kind: "API" });
  if (result.kind === "two-factor") return jsonResponse(twoFactorChallengeAnswer({ tempToken: result.tempToken, locale }));
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});

/** Seed 002 `POST /auth/google {idToken}` (also `/api/auth/google`). */
export const signInWithGoogle = defineRoute({
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
}, async function signInWithGoogle({ body, client, locale }) {
  const result = await signInWithIdToken({ provider: "google", idToken: body.idToken, client });
  if (result.kind === "two-factor") return jsonResponse(twoFactorChallengeAnswer({ tempToken: result.tempToken, locale }));
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});

/** Seed 002 `POST /auth/apple {identityToken, user?}` (also `/api/auth/apple`). */
export const signInWithApple = defineRoute({
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
}, async function signInWithApple({ body, client, locale }) {
  const result = await signInWithIdToken({ provider: "apple", idToken: body.identityToken, appleUser: body.user, client });
  if (result.kind === "two-factor") return jsonResponse(twoFactorChallengeAnswer({ tempToken: result.tempToken, locale }));
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});

/**
 * Seed 004 `GET /api/auth/oauth/{google|github}`: sends the client to the provider through
 * Auth.js; the flow ends at /api/oauth/complete, which answers API tokens as JSON.
 */
export const startOAuthSignIn = defineRoute({
  method: "get",
  path: "/api/auth/oauth/{provider}",
  operationId: "startOAuthSignIn",
  tags: AUTH,
  summary: "Sign in with Google or GitHub (redirect)",
  description:
    "Seed 004: open it in a browser. It redirects to the provider (through Auth.js); after consent the provider comes back to Auth.js, which ends at `GET /api/oauth/complete` with login's JSON answer and API tokens. An unconfigured provider answers 503 `PROVIDER_NOT_CONFIGURED`.",
  policy: POLICY.public,
  params: { path: z.object({ provider: z.enum(["google", "github"]).meta({ example: "google" }) }) },
  // Any other provider names nothing here.
  invalidPathAnswers: "NOT_FOUND",
  responses: [{ status: 302, description: "To the provider's consent page; the OAuth flow's cookies are set." }],
  errors: ["NOT_FOUND", "PROVIDER_NOT_CONFIGURED"],
}, async function startOAuthSignIn({ params, request }) {
  const { location, setCookies } = await startSocialSignIn({ request, provider: params.provider, callbackPath: "/api/oauth/complete" });
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 302, headers });
});

/** The browser cookie was only the vehicle of the OAuth flow: the client now holds API tokens. */
function expiredSessionCookies(): string[] {
  return SESSION_COOKIE_NAMES.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
}

/**
 * Where seed 004's `GET /api/auth/oauth/{provider}` ends: login's JSON answer with API
 * tokens. It sits outside /api/auth/ because Auth.js's redirect callback (safeRedirect)
 * never sends a sign-in back into /api/auth/.
 */
export const completeOAuthSignIn = defineRoute({
  method: "get",
  path: "/api/oauth/complete",
  operationId: "completeOAuthSignIn",
  tags: AUTH,
  summary: "End of the Google/GitHub sign-in",
  description:
    "Where `GET /api/auth/oauth/{provider}` ends, with the session cookie Auth.js set during the flow: answers like login (API tokens, or the 2FA challenge) and clears that cookie, so the client holds only API tokens. Without that cookie it answers 401, except with `?challenge=` (an account with 2FA: no session was opened yet).",
  policy: POLICY.optional,
  // Put there by the sign-in callback (lib/services/auth/link-social-account.ts), never by a client.
  internalQuery: z.object({ challenge: z.string().optional() }),
  responses: [{ status: 200, description: "Signed in, or a second factor is due.", schema: LoginAnswer }],
  errors: ["UNAUTHORIZED", "INVALID_TOKEN", "USER_NOT_FOUND", "TWO_FACTOR_CHALLENGE_EXPIRED"],
}, async function completeOAuthSignIn({ caller, query, client, locale, request }) {
  // An account with 2FA: the sign-in callback opened no session and sent the client here
  // with its one-time challenge, to be completed at POST /api/auth/2fa/verify.
  if (query.challenge !== undefined) {
    if (!(await findLiveToken("TWO_FACTOR_LOGIN", query.challenge))) throw new AppError("TWO_FACTOR_CHALLENGE_EXPIRED");
    return jsonResponse(twoFactorChallengeAnswer({ tempToken: query.challenge, locale }));
  }
  if (!caller) throw authenticationRequired(request);
  const result = await completeSocialSignIn({ user: caller.user, session: caller.session, client });
  const body =
    result.kind === "two-factor"
      ? twoFactorChallengeAnswer({ tempToken: result.tempToken, locale })
      : signInAnswer({ user: result.user, tokens: result.tokens, locale });
  const response = jsonResponse(body);
  for (const cookie of expiredSessionCookies()) response.headers.append("set-cookie", cookie);
  return response;
});

/** Seed 004 step 12: `{tempToken, token}` (TOTP or backup code) ends a 2FA sign-in with the login answer. */
export const verifyTwoFactorLogin = defineRoute({
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
}, async function verifyTwoFactorLogin({ body, client, locale }) {
  const result = await completeTwoFactorLogin({ tempToken: body.tempToken, code: body.token, client, locale });
  return jsonResponse(signInAnswer({ user: result.user, tokens: result.tokens, locale }));
});
