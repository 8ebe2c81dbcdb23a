import type { Profile } from "@/lib/services/profile/get-profile";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import type { z } from "zod";
import type { Me004, MeUpdated004 } from "@/lib/contracts/rest-v1/answers";

/** Seed 004 (Postman collection): camelCase under `data.user`. */

export function me004({ user, twoFactor }: Profile): z.output<typeof Me004> {
  const enabledAt = twoFactor?.enabledAt ?? null;
  return {
    success: true,
    data: {
      user: {
        id: user.id,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        emailVerified: user.emailVerified !== null,
        emailVerifiedAt: user.emailVerified?.toISOString() ?? null,
        twoFactorEnabled: enabledAt !== null,
        twoFactorEnabledAt: enabledAt?.toISOString() ?? null,
        // CONTRACT 7: the avatar URL shows in every profile shape.
        avatarUrl: user.image,
        createdAt: user.createdAt.toISOString(),
        updatedAt: user.updatedAt.toISOString(),
      },
    },
  };
}

export function meUpdated004({ user }: Profile, locale: Locale): z.output<typeof MeUpdated004> {
  return {
    success: true,
    message: localize(locale, PROFILE_MESSAGES.updated),
    data: { user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, emailVerified: user.emailVerified !== null } },
  };
}
