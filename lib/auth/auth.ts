import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientInfo, UNKNOWN_CLIENT, type ClientInfo } from "@/lib/core/client-info";
import { AppError, isAppError } from "@/lib/core/errors";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { readCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { socialProviders } from "@/lib/auth/social-providers";
import { socialProviderIds, type SocialProviderId } from "@/lib/services/auth/social-provider-ids";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { negotiateLocale } from "@/lib/i18n/locale";
import { describeError, logger } from "@/lib/core/logger";
import { authenticateWithPassword } from "@/lib/services/auth/authenticate-password";
import { linkSocialAccount } from "@/lib/services/auth/link-social-account";
import { createSession, isSessionActive, SESSION_TTL_MS } from "@/lib/services/sessions/create-session";
import { signOut as endSession } from "@/lib/services/sessions/sign-out";
import { completeTwoFactorLogin } from "@/lib/services/two-factor/complete-two-factor-login";

declare module "next-auth" {
  interface User {
    /** The Session row a credentials sign-in opened (OAuth ones open theirs in the jwt callback). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The Session row this browser cookie stands for: checked live, revoked at sign-out. */
    sid?: string;
  }
}

/**
 * Why a browser sign-in was refused, carried from a provider's `authorize` to the server
 * action that called signIn: an AppError (same codes and messages as the API), or the
 * password step's answer that a second factor is needed.
 */
export class BrowserSignInError extends CredentialsSignin {
  constructor(readonly reason: { error: AppError } | { twoFactor: { tempToken: string } }) {
    super();
    this.code = "error" in reason ? reason.error.code : "TWO_FACTOR_REQUIRED";
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Auth.js's session cookie must be the one lib/auth/caller.ts decodes (salt = its name). */
function cookieSettings() {
  const secure = env().APP_URL.startsWith("https://");
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
      },
    },
  };
}

/**
 * Whether this OAuth callback belongs to seed 004's JSON flow (started with
 * redirectTo=/api/oauth/complete, which Auth.js keeps in its callback-url cookie) or to a
 * browser sign-in.
 */
function signInDestination(request: Request | undefined): "browser" | "api" {
  const header = request?.headers.get("cookie") ?? null;
  const value = readCookie(header, "__Secure-authjs.callback-url") ?? readCookie(header, "authjs.callback-url");
  if (!value) return "browser";
  try {
    return new URL(decodeURIComponent(value), env().APP_URL).pathname === "/api/oauth/complete" ? "api" : "browser";
  } catch {
    return "browser";
  }
}

function buildConfig(request: Request | undefined): NextAuthConfig {
  const requestClient = (): ClientInfo => (request ? clientInfo(request) : UNKNOWN_CLIENT);
  return {
    adapter: PrismaAdapter(prisma),
    secret: env().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
    ...cookieSettings(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: "password",
        credentials: { email: {}, password: {} },
        async authorize(credentials, authorizeRequest) {
          try {
            const result = await authenticateWithPassword({
              email: text(credentials.email),
              password: text(credentials.password),
              client: clientInfo(authorizeRequest),
              kind: "BROWSER",
            });
            if (result.kind === "two-factor") throw new BrowserSignInError({ twoFactor: { tempToken: result.tempToken } });
            const { user, session } = result;
            return { id: user.id, email: user.email, name: user.name, image: user.image, sessionId: session.id };
          } catch (error) {
            if (isAppError(error)) throw new BrowserSignInError({ error });
            throw error;
          }
        },
      }),
      Credentials({
        id: "two-factor",
        credentials: { tempToken: {}, code: {} },
        async authorize(credentials, authorizeRequest) {
          try {
            const { user, session } = await completeTwoFactorLogin({
              tempToken: text(credentials.tempToken),
              code: text(credentials.code),
              client: clientInfo(authorizeRequest),
              kind: "BROWSER",
              locale: negotiateLocale(authorizeRequest.headers.get("accept-language")),
            });
            return { id: user.id, email: user.email, name: user.name, image: user.image, sessionId: session.id };
          } catch (error) {
            if (isAppError(error)) throw new BrowserSignInError({ error });
            throw error;
          }
        },
      }),
      ...socialProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        // The linking rule (verified emails only) lives with the API's social sign-in.
        return linkSocialAccount({ user, account, profile, client: requestClient(), destination: signInDestination(request) });
      },
      // callbackUrl / redirectTo never leave the portal.
      redirect({ url, baseUrl }) {
        // Also used by sign-out, whose destination is the login page.
        return new URL(safeRedirect(url, { origin: baseUrl, allowAuthPages: true }), baseUrl).toString();
      },
      async jwt({ token, user, account, trigger }) {
        if (trigger === "signIn" || trigger === "signUp") {
          if (user?.sessionId) {
            token.sid = user.sessionId;
          } else if (account && user?.id) {
            // Every OAuth browser sign-in gets its own row, listed and revocable like the others.
            const { session } = await createSession({ userId: user.id, kind: "BROWSER", method: account.provider, client: requestClient() });
            token.sid = session.id;
          }
          return token;
        }
        // Checked on every read of the cookie, so a revoked session is signed out at once.
        if (!token.sid) return null;
        const session = await prisma.session.findUnique({
          where: { id: token.sid },
          select: { revokedAt: true, expiresAt: true, lastSeenAt: true, userId: true, user: { select: { active: true } } },
        });
        if (!session || !isSessionActive(session) || session.userId !== token.sub || !session.user.active) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await endSession({ sessionId: sid });
      },
    },
    logger: {
      error(error) {
        // A refused sign-in is an answer, not a fault; the login history records it.
        if (error instanceof CredentialsSignin) return;
        logger.error("Auth.js error", describeError(error));
      },
      warn(code) {
        logger.warn(`Auth.js warning: ${code}`);
      },
    },
  };
}

export const { auth, handlers, signIn, signOut } = NextAuth((request) => buildConfig(request));

const PROVIDER_NAMES: Record<SocialProviderId, string> = { google: "Google", github: "GitHub" };

/** Google and GitHub when their credentials are set: the login page shows a button for each. */
export function configuredSocialProviders(): { id: SocialProviderId; name: string }[] {
  return socialProviderIds().map((id) => ({ id, name: PROVIDER_NAMES[id] }));
}
