import { z } from "zod";
import { requiredString } from "@/lib/validation/required-string";

/**
 * Shapes of the developer settings (OAuth apps, personal access tokens), shared by the
 * forms (browser-side checks) and the server actions (the same schema again). What an
 * input means (is this redirect URI acceptable?) is decided by the services, which answer
 * coded errors the forms put on the right field.
 */

export const OAUTH_APP_NAME_MAX = 80;
export const MAX_REDIRECT_URIS = 10;
export const REDIRECT_URI_MAX_LENGTH = 2000;
/** Scopes a personal access token may carry. Never `account`: a token typed into a script must not manage the account. */
export const PERSONAL_TOKEN_SCOPES = ["profile", "email"] as const;
export type PersonalTokenScope = (typeof PERSONAL_TOKEN_SCOPES)[number];
/** Lifetimes offered for a personal access token, in days; "never" is a token without expiry. */
export const PERSONAL_TOKEN_EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;
export type PersonalTokenExpiryChoice = (typeof PERSONAL_TOKEN_EXPIRY_CHOICES)[number];
export const PERSONAL_TOKEN_NAME_MAX = 80;

/** The redirect URIs typed one per line: trimmed, blank lines dropped, duplicates removed. */
export function parseRedirectUris(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a redirect URI is refused, or null when it is acceptable: an absolute https URL, or
 * http only towards this machine (native apps and development), without fragment (RFC 6749
 * 3.1.2), wildcard or credentials. The authorization server matches it exactly.
 */
export function redirectUriProblem(uri: string): "invalid" | "https" | "fragment" | "wildcard" | null {
  if (uri.length > REDIRECT_URI_MAX_LENGTH || /\s/.test(uri)) return "invalid";
  if (uri.includes("*")) return "wildcard";
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "invalid";
  }
  if (uri.includes("#")) return "fragment";
  if (url.username || url.password || !url.hostname) return "invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "https";
}

/** A logo given by address: https only, so the consent page never loads mixed content. */
export function isAcceptableLogoUrl(value: string): boolean {
  if (value.length > REDIRECT_URI_MAX_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const appName = requiredString().trim().min(1, "required").max(OAUTH_APP_NAME_MAX, "string.tooLong");
const redirectUrisText = requiredString().trim().min(1, "required").max(MAX_REDIRECT_URIS * (REDIRECT_URI_MAX_LENGTH + 2), "string.tooLong");
const logoUrl = z.string().trim().max(REDIRECT_URI_MAX_LENGTH, "string.tooLong");
const id = requiredString().trim().min(1, "required").max(128, "token.invalid");

/** Registering an app: redirect URIs one per line in a textarea; an empty logo address means none. */
export const oauthAppCreateSchema = z.object({
  name: appName,
  redirectUris: redirectUrisText,
  logoUrl,
  confidential: z.boolean({ error: "boolean.expected" }),
});

export const oauthAppUpdateSchema = z.object({ appId: id, name: appName, redirectUris: redirectUrisText, logoUrl });

export const oauthAppIdSchema = z.object({ appId: id });
export const personalTokenIdSchema = z.object({ tokenId: id });

export const personalTokenCreateSchema = z.object({
  name: requiredString().trim().min(1, "required").max(PERSONAL_TOKEN_NAME_MAX, "string.tooLong"),
  scopes: z.array(z.enum(PERSONAL_TOKEN_SCOPES, { error: "required" }), { error: "required" }).min(1, "required").max(PERSONAL_TOKEN_SCOPES.length),
  expiry: z.enum(PERSONAL_TOKEN_EXPIRY_CHOICES, { error: "required" }),
});

/** The days of an expiry choice, or null for a token that does not expire. */
export function expiryChoiceDays(choice: PersonalTokenExpiryChoice): number | null {
  return choice === "never" ? null : Number(choice);
}
