import "server-only";
import { AppError } from "@/lib/core/errors";
import type { OAuthApp } from "@/lib/generated/prisma/client";
import { isAcceptableLogoUrl, MAX_REDIRECT_URIS, OAUTH_APP_NAME_MAX, redirectUriProblem } from "@/lib/validation/developer";

/** An OAuth app as its owner sees it: everything but the encrypted secret. */
export type OAuthAppView = {
  id: string;
  clientId: string;
  name: string;
  redirectUris: string[];
  logoUrl: string | null;
  /** Confidential apps authenticate with a secret; public ones (SPA, native) with PKCE alone. */
  confidential: boolean;
  secretRotatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toOAuthAppView(app: OAuthApp): OAuthAppView {
  return {
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    redirectUris: app.redirectUris,
    logoUrl: app.logoUrl,
    confidential: app.clientSecretEncrypted !== null,
    secretRotatedAt: app.secretRotatedAt,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

/** The app's name, trimmed; VALIDATION_ERROR when empty or too long. */
export function checkAppName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > OAUTH_APP_NAME_MAX) throw new AppError("VALIDATION_ERROR", { details: { name: "required" } });
  return trimmed;
}

/** Redirect URIs as stored (trimmed, unique); refuses any that is not exact-matchable https (or loopback http). */
export function checkRedirectUris(uris: readonly string[]): string[] {
  const unique = [...new Set(uris.map((uri) => uri.trim()).filter(Boolean))];
  if (unique.length === 0) throw new AppError("INVALID_REDIRECT_URI");
  if (unique.length > MAX_REDIRECT_URIS) throw new AppError("TOO_MANY_REDIRECT_URIS");
  for (const uri of unique) {
    if (redirectUriProblem(uri)) throw new AppError("INVALID_REDIRECT_URI");
  }
  return unique;
}

/** A logo address, or null for none; INVALID_LOGO_URL when it is not https. */
export function checkLogoUrl(logoUrl: string | null | undefined): string | null {
  const trimmed = logoUrl?.trim();
  if (!trimmed) return null;
  if (!isAcceptableLogoUrl(trimmed)) throw new AppError("INVALID_LOGO_URL");
  return trimmed;
}
