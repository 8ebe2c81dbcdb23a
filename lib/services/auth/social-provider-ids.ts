import "server-only";
import { env } from "@/lib/core/env";

export type SocialProviderId = "google" | "github";

/** The configured providers, in button order, for the login page and 004's start route. */
export function socialProviderIds(): SocialProviderId[] {
  const e = env();
  const ids: SocialProviderId[] = [];
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) ids.push("google");
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) ids.push("github");
  return ids;
}

export function isSocialProviderId(value: string): value is SocialProviderId {
  return value === "google" || value === "github";
}
