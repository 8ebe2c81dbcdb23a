import { clientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/api/handler";
import { authenticationRequired } from "@/lib/auth/policy";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { signInAnswer, twoFactorChallengeAnswer } from "@/lib/mappers/auth";
import { completeSocialSignIn } from "@/lib/services/auth/complete-social-sign-in";
import { findLiveToken } from "@/lib/services/verification/one-time-token";

/** The browser cookie was only the vehicle of the OAuth flow: the client now holds API tokens. */
function expiredSessionCookies(): string[] {
  return SESSION_COOKIE_NAMES.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
}

/**
 * Where seed 004's `GET /api/auth/oauth/{provider}` ends: login's JSON answer with API
 * tokens. It sits outside /api/auth/ because Auth.js's redirect callback (safeRedirect)
 * never sends a sign-in back into /api/auth/.
 */
export const GET = apiRoute(authOps.completeOAuthSignIn, async ({ caller, request, locale }) => {
  // An account with 2FA: the sign-in callback opened no session and sent the client here
  // with its one-time challenge, to be completed at POST /api/auth/2fa/verify.
  const challenge = new URL(request.url).searchParams.get("challenge");
  if (challenge !== null) {
    if (!(await findLiveToken("TWO_FACTOR_LOGIN", challenge))) throw new AppError("TWO_FACTOR_CHALLENGE_EXPIRED");
    return jsonResponse(twoFactorChallengeAnswer({ tempToken: challenge, locale }));
  }
  if (!caller) throw authenticationRequired(request);
  const result = await completeSocialSignIn({ user: caller.user, session: caller.session, client: clientInfo(request) });
  const body =
    result.kind === "two-factor"
      ? twoFactorChallengeAnswer({ tempToken: result.tempToken, locale })
      : signInAnswer({ user: result.user, tokens: result.tokens, locale });
  const response = jsonResponse(body);
  for (const cookie of expiredSessionCookies()) response.headers.append("set-cookie", cookie);
  return response;
});
