import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/core/errors";
import { handlers } from "@/lib/auth/auth";
import { isSocialProviderId, socialProviderIds, type SocialProviderId } from "@/lib/services/auth/social-provider-ids";

/** `name=value` pairs of Set-Cookie headers, as a Cookie header sends them back. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!.trim());
}

/**
 * Starts an Auth.js OAuth sign-in without a form: Auth.js only starts one on a POST
 * carrying its CSRF token (double submit: cookie + field), so we fetch the token from its
 * own csrf endpoint and post it back, in-process. The answer is Auth.js's redirect to the
 * provider, with every cookie it set (CSRF, PKCE verifier, state, callback URL), for the
 * caller to hand to the client. Only the request's origin and cookies are used, so this
 * works in a route handler without next/headers.
 */
export async function startSocialSignIn(options: { request: Request; provider: string; callbackPath: string }): Promise<{ location: string; setCookies: string[] }> {
  if (!isSocialProviderId(options.provider)) throw new AppError("NOT_FOUND");
  const provider: SocialProviderId = options.provider;
  if (!socialProviderIds().includes(provider)) throw new AppError("PROVIDER_NOT_CONFIGURED");

  // The origin the client used, read as Auth.js's own server-side signIn reads it (Host,
  // X-Forwarded-*): the provider must send the browser back where our cookies live.
  const url = new URL(options.request.url);
  const host = options.request.headers.get("x-forwarded-host") ?? options.request.headers.get("host") ?? url.host;
  const protocol = (options.request.headers.get("x-forwarded-proto") ?? url.protocol).replace(/:?$/, ":");
  const origin = `${protocol}//${host}`;
  const forwarded = new Headers();
  for (const name of ["user-agent", "x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = options.request.headers.get(name);
    if (value) forwarded.set(name, value);
  }

  const csrfResponse = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: forwarded }));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("Auth.js gave no CSRF token");
  const csrfCookies = csrfResponse.headers.getSetCookie();

  const headers = new Headers(forwarded);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.set("cookie", cookiePairs(csrfResponse).join("; "));
  const signInResponse = await handlers.POST(
    new NextRequest(`${origin}/api/auth/signin/${provider}`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ csrfToken, callbackUrl: options.callbackPath }),
    }),
  );
  const location = signInResponse.headers.get("location");
  if (!location) throw new Error(`Auth.js did not redirect to ${provider}`);
  return { location, setCookies: [...csrfCookies, ...signInResponse.headers.getSetCookie()] };
}
