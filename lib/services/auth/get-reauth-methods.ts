import "server-only";
import { socialProviderIds, type SocialProviderId } from "@/lib/services/auth/social-provider-ids";
import { prisma, type DbTx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";

/** How a signed-in user can re-authenticate (sudo mode), for the settings pages' dialog. */
export type ReauthMethods = {
  password: boolean;
  /** A TOTP or backup code: accounts with 2FA on. */
  code: boolean;
  /**
   * Sign-in providers to sign in again with, offered only when neither a password nor a code
   * can serve (a Google- or GitHub-only account without 2FA): a fresh sign-in is a
   * re-authentication too.
   */
  providers: SocialProviderId[];
};

export async function getReauthMethods(user: Pick<User, "id" | "passwordHash">, db: DbTx = prisma): Promise<ReauthMethods> {
  const twoFactor = await db.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  const password = user.passwordHash !== null;
  const code = Boolean(twoFactor?.enabledAt);
  if (password || code) return { password, code, providers: [] };
  const configured = socialProviderIds();
  const linked = await db.account.findMany({ where: { userId: user.id }, select: { provider: true } });
  return { password, code, providers: configured.filter((id) => linked.some((account) => account.provider === id)) };
}
