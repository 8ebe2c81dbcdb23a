import "server-only";
/**
 * Scopes a token may carry. First-party sign-ins (login, register, refresh, 2FA, Google,
 * Apple, browser) get all of them; a token for a third-party client (seed 001) may hold
 * fewer, and routes check the one they need.
 */
export const SCOPES = ["openid", "profile", "email", "account"] as const;
export type Scope = (typeof SCOPES)[number];
export const FIRST_PARTY_SCOPES: Scope[] = [...SCOPES];
