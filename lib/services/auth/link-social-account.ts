import "server-only";
import type { Account, Profile, User as AuthJsUser } from "next-auth";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError, isAppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordLoginAttempt } from "@/lib/services/auth/login-lockout";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";

/** Who a provider says the person is, whatever the protocol (Auth.js OAuth, id token). */
export type SocialIdentity = {
  provider: string;
  providerAccountId: string;
  type: "oauth" | "oidc";
  email: string | null;
  /** Only the provider's own assertion counts (OIDC `email_verified`, GitHub's verified flag). */
  emailVerified: boolean;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  image?: string | null;
};

export type SocialUser = { user: User; created: boolean; linked: boolean };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function nameParts(identity: SocialIdentity): { name: string | null; firstName: string | null; lastName: string | null } {
  const firstName = identity.firstName?.trim() || null;
  const lastName = identity.lastName?.trim() || null;
  const name = identity.name?.trim() || [firstName, lastName].filter(Boolean).join(" ") || null;
  if (firstName || lastName || !name) return { name, firstName, lastName };
  const space = name.indexOf(" ");
  return space < 0 ? { name, firstName: name, lastName: null } : { name, firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}

async function resolveOnce(identity: SocialIdentity, client: ClientInfo, db: Db): Promise<SocialUser> {
  return db.$transaction(async (tx) => {
    const known = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
      include: { user: true },
    });
    if (known) return { user: known.user, created: false, linked: false };

    const email = identity.email?.trim().toLowerCase();
    if (!email) throw new AppError("OAUTH_EMAIL_MISSING");
    const account = { type: identity.type, provider: identity.provider, providerAccountId: identity.providerAccountId };
    const existing = await tx.user.findUnique({ where: { email } });

    if (existing) {
      // Linking on an unverified email would hand the account to whoever controls that
      // provider login; the person signs in with their password instead.
      if (!identity.emailVerified) throw new AppError("OAUTH_ACCOUNT_NOT_LINKED");
      await tx.account.create({ data: { ...account, userId: existing.id } });
      let user = existing;
      const unproven = existing.emailVerified === null;
      if (unproven) {
        // Pre-hijacking defence: whoever registered this address never proved owning it, the
        // provider just did. Their password and sessions go; the owner can set a password later.
        user = await tx.user.update({ where: { id: existing.id }, data: { emailVerified: now(), passwordHash: null } });
        await tx.session.updateMany({ where: { userId: existing.id, revokedAt: null }, data: { revokedAt: now() } });
      }
      await recordAuditEvent(
        { userId: existing.id, type: "SOCIAL_ACCOUNT_LINKED", client, metadata: { provider: identity.provider, unverifiedAccountClaimed: unproven } },
        tx,
      );
      return { user, created: false, linked: true };
    }

    const user = await tx.user.create({
      data: {
        email,
        emailVerified: identity.emailVerified ? now() : null,
        ...nameParts(identity),
        image: identity.image ?? null,
        accounts: { create: account },
      },
    });
    await recordAuditEvent({ userId: user.id, type: "USER_REGISTERED", client, metadata: { method: identity.provider } }, tx);
    return { user, created: true, linked: true };
  });
}

/**
 * The one linking rule of every social sign-in (Auth.js Google/GitHub, 002's id tokens):
 * a known provider account signs its user in; otherwise an existing user with that email
 * is linked only when the provider asserts the email is verified (else 409
 * OAUTH_ACCOUNT_NOT_LINKED, never a silent link); otherwise a user is created. No provider
 * token is stored: sign-in needs none.
 */
export async function findOrCreateSocialUser(options: { identity: SocialIdentity; client: ClientInfo }, db: Db = prisma): Promise<SocialUser> {
  try {
    return await resolveOnce(options.identity, options.client, db);
  } catch (error) {
    // Two first sign-ins racing: the loser finds what the winner created.
    if (isUniqueViolation(error)) return resolveOnce(options.identity, options.client, db);
    throw error;
  }
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** The identity in an Auth.js sign-in (GitHub's profile carries `email_verified` from social-providers.ts). */
export function identityFromAuthJs(options: { user: Pick<AuthJsUser, "email" | "name" | "image">; account: Account; profile?: Profile }): SocialIdentity {
  const profile = (options.profile ?? {}) as Record<string, unknown>;
  return {
    provider: options.account.provider,
    providerAccountId: options.account.providerAccountId,
    type: options.account.type === "oidc" ? "oidc" : "oauth",
    email: text(options.user.email) ?? text(profile.email),
    emailVerified: profile.email_verified === true || profile.email_verified === "true",
    name: text(options.user.name) ?? text(profile.name),
    firstName: text(profile.given_name),
    lastName: text(profile.family_name),
    image: text(options.user.image),
  };
}

/**
 * For Auth.js's `signIn` callback: applies the linking rule before Auth.js looks the account
 * up, so Auth.js then finds the row written here. Answers true, or a redirect to
 * `/login?error=<CODE>` (OAUTH_ACCOUNT_NOT_LINKED, OAUTH_EMAIL_MISSING, ACCOUNT_DISABLED)
 * that the login page can explain.
 */
export async function linkSocialAccount(
  options: {
    user: Pick<AuthJsUser, "email" | "name" | "image">;
    account: Account | null;
    profile?: Profile;
    client: ClientInfo;
    /** Where the flow ends: the browser's login page, or seed 004's JSON hand-off. */
    destination?: "browser" | "api";
  },
  db: Db = prisma,
): Promise<boolean | string> {
  const { account } = options;
  if (!account || (account.type !== "oauth" && account.type !== "oidc")) return true;
  try {
    const { user } = await findOrCreateSocialUser({ identity: identityFromAuthJs({ ...options, account }), client: options.client }, db);
    if (!user.active) return "/login?error=ACCOUNT_DISABLED";
    const twoFactor = await db.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
    if (!twoFactor?.enabledAt) return true;
    // The provider proved the first factor only. Refusing here means Auth.js opens no
    // session and sets no cookie: the second factor is asked for exactly as after a
    // password, with a one-time challenge.
    const tempToken = await createLoginChallenge({ userId: user.id, method: account.provider }, db);
    await recordLoginAttempt(
      { email: user.email, userId: user.id, success: false, reason: "TWO_FACTOR_PENDING", method: account.provider, client: options.client },
      db,
    );
    // In the fragment, the browser's challenge never reaches a server log or a Referer.
    return options.destination === "api" ? `/api/oauth/complete?challenge=${tempToken}` : `/login#challenge=${tempToken}`;
  } catch (error) {
    if (isAppError(error)) return `/login?error=${error.code}`;
    throw error;
  }
}
