import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub, { type GitHubProfile } from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/core/env";

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub's profile says nothing about whether its email is verified, and the public email
 * may be one the user never proved. Its emails API does: the profile gets the primary
 * verified address and `email_verified`, which the linking rule reads.
 */
async function gitHubProfile(accessToken: string): Promise<GitHubProfile & { email_verified: boolean }> {
  const headers = { authorization: `Bearer ${accessToken}`, "user-agent": "account-portal", accept: "application/vnd.github+json" };
  const timeout = () => AbortSignal.timeout(env().OAUTH_TIMEOUT_MS);
  const userUrl = env().AUTH_GITHUB_USERINFO_URL ?? "https://api.github.com/user";
  const emailsUrl = env().AUTH_GITHUB_EMAILS_URL ?? "https://api.github.com/user/emails";
  const profile = (await (await fetch(userUrl, { headers, signal: timeout() })).json()) as GitHubProfile;
  let emails: GitHubEmail[] = [];
  const response = await fetch(emailsUrl, { headers, signal: timeout() });
  if (response.ok) {
    const body: unknown = await response.json();
    if (Array.isArray(body)) emails = body as GitHubEmail[];
  }
  const verified = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified);
  if (verified) return { ...profile, email: verified.email, email_verified: true };
  return { ...profile, email: profile.email ?? emails.find((e) => e.primary)?.email ?? null, email_verified: false };
}

/**
 * The Auth.js OAuth providers that have credentials (`AUTH_GOOGLE_ID/SECRET`,
 * `AUTH_GITHUB_ID/SECRET`). Endpoints are overridable (`AUTH_GOOGLE_ISSUER`, an OIDC
 * issuer whose discovery document is read; `AUTH_GITHUB_*_URL`) so end-to-end tests can run
 * the real flow against a local OAuth server.
 */
export function socialProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: e.AUTH_GOOGLE_ID,
        clientSecret: e.AUTH_GOOGLE_SECRET,
        ...(e.AUTH_GOOGLE_ISSUER ? { issuer: e.AUTH_GOOGLE_ISSUER } : {}),
      }),
    );
  }
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHub({
        clientId: e.AUTH_GITHUB_ID,
        clientSecret: e.AUTH_GITHUB_SECRET,
        ...(e.AUTH_GITHUB_AUTHORIZATION_URL
          ? { authorization: { url: e.AUTH_GITHUB_AUTHORIZATION_URL, params: { scope: "read:user user:email" } } }
          : {}),
        ...(e.AUTH_GITHUB_TOKEN_URL ? { token: e.AUTH_GITHUB_TOKEN_URL } : {}),
        userinfo: {
          url: e.AUTH_GITHUB_USERINFO_URL ?? "https://api.github.com/user",
          request: ({ tokens }: { tokens: { access_token?: string } }) => gitHubProfile(tokens.access_token ?? ""),
        },
      }),
    );
  }
  return providers;
}
