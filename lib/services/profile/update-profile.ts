import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/core/errors";
import type { SudoGrant } from "@/lib/services/auth/sudo-grant";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { deleteStoredFile, ROW_LOCK_TRANSACTION, swapUserImage } from "@/lib/services/avatar/set-avatar";
import { getProfile, type Profile } from "@/lib/services/profile/get-profile";
import { requestEmailChange } from "@/lib/services/profile/request-email-change";

/**
 * What a profile update may change, in the domain's own names; every family's mapper
 * produces this from its validated body. Privileged fields (email verification, 2FA,
 * password, user type, active flag) are not in it, so no route can set them.
 */
export type ProfileChanges = {
  firstName?: string | null;
  lastName?: string | null;
  /** Display name; split at the first space into first and last name. */
  name?: string;
  /** A new sign-in address: only requested here, applied once the link sent to it is used. */
  email?: string;
  phone?: string | null;
  jobTitle?: string | null;
  company?: string | null;
  location?: string | null;
  /** "YYYY-MM-DD". */
  birthDate?: string | null;
  bio?: string | null;
  role?: string | null;
  locale?: string | null;
  /** An external picture URL (seed 001 `picture_url`); replaces a hosted avatar, whose file is deleted. */
  image?: string | null;
  conversationsCount?: number;
  hoursSaved?: number;
};

/** First/last name set the display name; a display name alone is split at the first space (docs/contracts/settings-app.md and mobile.md, "Rules shared with other clients"). */
function nameFields(user: User, changes: ProfileChanges): Prisma.UserUpdateInput {
  if (changes.firstName !== undefined || changes.lastName !== undefined) {
    const firstName = changes.firstName !== undefined ? changes.firstName : user.firstName;
    const lastName = changes.lastName !== undefined ? changes.lastName : user.lastName;
    return { firstName, lastName, name: [firstName, lastName].filter(Boolean).join(" ") || null };
  }
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    const space = name.indexOf(" ");
    return space < 0
      ? { name, firstName: name, lastName: null }
      : { name, firstName: name.slice(0, space), lastName: name.slice(space + 1).trim() || null };
  }
  return {};
}

/**
 * Applies a validated profile update in one transaction and answers the fresh profile.
 * An email change is only requested (link to the new address, notice to the old one), and
 * only with a sudo grant: `sudo` is asked for one when the address really changes.
 */
export async function updateProfile(
  options: {
    userId: string;
    changes: ProfileChanges;
    locale: Locale;
    client?: ClientInfo;
    /** The caller's sudo grant, asked for only when the email changes (lib/auth/policy.ts); without it an email change is refused. */
    sudo?: () => SudoGrant;
  },
  db: Db = prisma,
): Promise<{ profile: Profile; emailChangeRequested: boolean }> {
  const { userId, changes } = options;
  // First, so that a refused address (409, 429) leaves the other fields untouched too.
  const emailChangeRequested =
    changes.email !== undefined
      ? await requestEmailChange({ userId, newEmail: changes.email, sudo: options.sudo, locale: options.locale, client: options.client }, db)
      : false;

  const previousKey = await db.$transaction(async (tx) => {
    // The display name is derived from the stored first and last names: lock the row so
    // concurrent updates of one and the other both survive in it.
    await tx.$queryRaw(Prisma.sql`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("USER_NOT_FOUND");
    let replacedKey: string | null = null;
    if (changes.image !== undefined) {
      ({ previousKey: replacedKey } = await swapUserImage(tx, userId, { image: changes.image, imageKey: null }));
    }
    const data: Prisma.UserUpdateInput = {
      ...nameFields(user, changes),
      phone: changes.phone,
      jobTitle: changes.jobTitle,
      company: changes.company,
      location: changes.location,
      birthDate: changes.birthDate === undefined ? undefined : changes.birthDate === null ? null : new Date(`${changes.birthDate}T00:00:00Z`),
      bio: changes.bio,
      role: changes.role,
      locale: changes.locale,
      conversationsCount: changes.conversationsCount,
      hoursSaved: changes.hoursSaved,
      updatedAt: now(),
    };
    await tx.user.update({ where: { id: userId }, data });
    const fields = Object.keys(changes).filter((k) => changes[k as keyof ProfileChanges] !== undefined && k !== "email");
    if (fields.length) await recordAuditEvent({ userId, type: "PROFILE_UPDATED", client: options.client, metadata: { fields } }, tx);
    return replacedKey;
  }, ROW_LOCK_TRANSACTION);
  await deleteStoredFile(previousKey);
  return { profile: await getProfile(userId, db), emailChangeRequested };
}
