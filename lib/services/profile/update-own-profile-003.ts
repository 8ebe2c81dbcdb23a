import type { z } from "zod";
import type { ClientInfo } from "@/lib/core/client-info";
import type { Session, User } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { insufficientScope } from "@/lib/services/auth/refusals";
import { changePassword } from "@/lib/services/password/change-password";
import { updateProfile } from "@/lib/services/profile/update-profile";
import type { profileUpdate003Schema } from "@/lib/validation/profile";

/**
 * Seed 003's profile update carries a name and optionally a password change. The password
 * is checked and changed first, so a wrong current password leaves the name untouched too.
 */
export async function updateOwnProfile003(options: {
  /** Who asks (lib/auth/caller.ts): a first-party sign-in has a session, a third-party token none. */
  caller: { kind: "first-party"; user: Pick<User, "id">; session: Pick<Session, "id"> } | { kind: "oauth" | "pat"; user: Pick<User, "id"> };
  body: z.output<typeof profileUpdate003Schema>;
  locale: Locale;
  client: ClientInfo;
}): Promise<User> {
  const { caller, body, locale, client } = options;
  if (body.newPassword !== undefined && body.currentPassword !== undefined) {
    // A password change is the account owner's own act: never through a third-party app's token.
    if (caller.kind !== "first-party") throw insufficientScope();
    await changePassword({
      userId: caller.user.id,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      revokeTokensAndApps: body.revokeTokensAndApps,
      keepSessionId: caller.session.id,
      client,
      locale,
    });
  }
  const { profile } = await updateProfile({ userId: caller.user.id, changes: { name: body.name }, locale, client });
  return profile.user;
}
