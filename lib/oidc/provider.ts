import { hkdfSync } from "node:crypto";
import Provider, { interactionPolicy, type Configuration, type FindAccount, type KoaContextWithOIDC } from "oidc-provider";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { describeError, logger } from "@/lib/core/logger";
import { PrismaOidcAdapter } from "@/lib/oidc/adapter";
import { loadSigningKeys } from "@/lib/oidc/keys";
import { escapeHtml } from "@/lib/core/html";

/** Where the provider is mounted (pages/api/oidc/[...path].ts); discovery is rewritten to it from the origin. */
export const OIDC_MOUNT_PATH = "/api/oidc";
/** Scopes a third-party app may ask for. */
export const OIDC_SCOPES = ["openid", "profile", "email", "offline_access"] as const;

/** The claims each scope releases (userinfo and ID token). */
export const OIDC_CLAIMS: Record<string, string[]> = {
  openid: ["sub"],
  profile: ["name", "given_name", "family_name", "picture", "locale", "updated_at"],
  email: ["email", "email_verified"],
};

export const OIDC_TTL = {
  /** OAuth 2.1 / RFC 6749 10.5: codes live ten minutes at most. */
  AuthorizationCode: 600,
  AccessToken: 15 * 60,
  IdToken: 60 * 60,
  RefreshToken: 30 * 24 * 60 * 60,
  Interaction: 30 * 60,
  Session: 14 * 24 * 60 * 60,
  Grant: 365 * 24 * 60 * 60,
} as const;

/** The interaction page: the portal's own consent screen (app/oauth/consent/[uid]). */
export function consentPath(uid: string): string {
  return `/oauth/consent/${uid}`;
}

const findAccount: FindAccount = async (_ctx, id) => {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user || !user.active) return undefined;
  const picture = user.image ? new URL(user.image, `${env().APP_URL}/`).href : undefined;
  return {
    accountId: user.id,
    claims: () => ({
      sub: user.id,
      email: user.email,
      email_verified: user.emailVerified !== null,
      name: user.name ?? ([user.firstName, user.lastName].filter(Boolean).join(" ") || undefined),
      given_name: user.firstName ?? undefined,
      family_name: user.lastName ?? undefined,
      picture,
      locale: user.locale ?? undefined,
      updated_at: Math.floor(user.updatedAt.getTime() / 1000),
    }),
  };
};

/**
 * The portal's Auth.js session decides who is signed in, not oidc-provider's own session
 * cookie: every authorization request goes through the consent page (which requires the
 * portal session and may skip the screen when a grant already covers the scopes), so a user
 * who signed out of the portal is never silently signed into an app.
 */
function policy(): interactionPolicy.Prompt[] {
  const prompts = interactionPolicy.base();
  const login = prompts.get("login");
  login?.checks.add(
    new interactionPolicy.Check("portal_session", "The portal confirms who is signed in", (ctx: KoaContextWithOIDC) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
    0,
  );
  return [...prompts];
}

/** A confidential app may send its secret by Basic auth or in the form, whichever the client library prefers. */
function secretMethod(): "client_secret_basic" | "client_secret_post" {
  const authorization = Provider.ctx?.get("authorization") ?? "";
  return /^basic\s/i.test(authorization) ? "client_secret_basic" : "client_secret_post";
}

export async function buildConfiguration(): Promise<Configuration> {
  const cookieKey = Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "", "portal oidc-provider cookies", 32)).toString("base64url");
  return {
    adapter: (name: string) => new PrismaOidcAdapter(name, secretMethod),
    findAccount,
    jwks: await loadSigningKeys(),
    scopes: [...OIDC_SCOPES],
    claims: { ...OIDC_CLAIMS },
    responseTypes: ["code"],
    clientAuthMethods: ["none", "client_secret_basic", "client_secret_post"],
    pkce: { required: () => true },
    rotateRefreshToken: true,
    allowOmittingSingleRegisteredRedirectUri: false,
    ttl: { ...OIDC_TTL },
    cookies: {
      keys: [cookieKey],
      long: { signed: true, httpOnly: true, sameSite: "lax" },
      short: { signed: true, httpOnly: true, sameSite: "lax" },
    },
    features: {
      devInteractions: { enabled: false },
      // A client may only revoke its own tokens (RFC 7009 2.1).
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      // A client may only introspect its own tokens.
      introspection: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: false },
    },
    // Errors that cannot go back to the app (unknown client, unregistered redirect_uri): a
    // plain page, never a redirect.
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Authorization error</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><main><h1>Authorization error</h1><p><code>${escapeHtml(out.error)}</code>: ${escapeHtml(out.error_description ?? "")}</p><p>Go back to the application and try again.</p></main></body></html>`;
    },
    interactions: {
      url: (_ctx, interaction) => consentPath(interaction.uid),
      policy: policy(),
    },
    routes: {
      authorization: "/authorize",
      token: "/token",
      userinfo: "/userinfo",
      revocation: "/revoke",
      introspection: "/introspect",
      jwks: "/jwks",
    },
  };
}

export async function createProvider(configuration?: Configuration): Promise<Provider> {
  const provider = new Provider(env().APP_URL, configuration ?? (await buildConfiguration()));
  // The handler sets Host and X-Forwarded-Proto from APP_URL, so every URL the provider
  // writes (discovery, redirects) starts with the issuer whatever the request's Host.
  provider.proxy = true;
  provider.on("server_error", (_ctx: unknown, error: unknown) => logger.error("oidc-provider server error", describeError(error)));
  return provider;
}

const globalForOidc = globalThis as unknown as { __portalOidc?: Promise<Provider> };

/** The one provider of this process, built on first use. */
export function getProvider(): Promise<Provider> {
  globalForOidc.__portalOidc ??= createProvider().catch((error: unknown) => {
    globalForOidc.__portalOidc = undefined;
    throw error;
  });
  return globalForOidc.__portalOidc;
}

/** Tests: forget the provider (e.g. after changing OIDC_JWKS). */
export function resetProvider(): void {
  globalForOidc.__portalOidc = undefined;
}
