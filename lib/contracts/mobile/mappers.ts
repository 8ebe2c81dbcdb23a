import "server-only";
import type { z } from "zod";
import { now } from "@/lib/core/clock";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import type { Profile } from "@/lib/services/profile/get-profile";
import type { ProfileChanges } from "@/lib/services/profile/update-profile";
import type { Me002, MeUpdated002 } from "@/lib/contracts/mobile/answers";
import type { profileUpdate002Schema } from "@/lib/contracts/mobile/requests";

/**
 * Seed 002 (Flutter app, docs/contracts/mobile.md "Me"): camelCase, with `daysActive` computed
 * from the sign-up date, plus `avatarUrl` (docs/contracts/README.md, "Avatars": the avatar URL
 * shows in every profile shape).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysActive(createdAt: Date, at: Date = now()): number {
  return Math.max(0, Math.floor((at.getTime() - createdAt.getTime()) / DAY_MS));
}

export function me002({ user }: Profile): z.output<typeof Me002> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    location: user.location,
    phone: user.phone,
    birthDate: user.birthDate ? user.birthDate.toISOString().slice(0, 10) : null,
    bio: user.bio,
    createdAt: user.createdAt.toISOString(),
    conversationsCount: user.conversationsCount,
    daysActive: daysActive(user.createdAt),
    hoursSaved: user.hoursSaved,
    avatarUrl: user.image,
  };
}

export function meUpdated002(locale: Locale): z.output<typeof MeUpdated002> {
  return { message: localize(locale, PROFILE_MESSAGES.updatedShort) };
}

export function profileChangesFrom002(body: z.output<typeof profileUpdate002Schema>): ProfileChanges {
  return { ...body };
}
