// What oidc-provider keeps in the `OidcPayload` table, as lib/oidc (the provider's adapter) writes
// it and the services that list or revoke a user's authorized apps, or rotate the key, read it.

/** oidc-provider's Grant model, as named in `OidcPayload.type`. */
export const GRANT_TYPE = "Grant";
/** Every model that carries a grant id and dies with its grant. */
export const GRANT_BOUND_TYPES = [
  "Grant",
  "AuthorizationCode",
  "AccessToken",
  "RefreshToken",
  "ClientCredentials",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
] as const;
/** Tokens whose issue time tells when an app last obtained access. */
export const TOKEN_TYPES = ["AccessToken", "RefreshToken"] as const;

/** The scopes a stored Grant payload holds (oidc-provider keeps them under `openid.scope`). */
export function grantScopes(payload: unknown): string[] {
  if (!payload || typeof payload !== "object") return [];
  const openid = (payload as { openid?: { scope?: unknown } }).openid;
  if (!openid || typeof openid.scope !== "string") return [];
  return openid.scope.split(" ").filter(Boolean);
}

/** Where the generated development signing key lives (lib/oidc/keys.ts): a row of oidc-provider's own table, encrypted. */
export const DEV_KEY_ROW = { id: "development-signing-key", type: "PortalSigningKey" } as const;
