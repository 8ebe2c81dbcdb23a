import { z } from "zod";
import { strictBody } from "@/lib/validation/strict-body";

/**
 * Seed 000's notification preferences: three channels, each a fixed set of switches.
 * The defaults are the seed's own example, given to every user until they change one.
 */
export const NOTIFICATION_CHANNELS = {
  email: ["newMessages", "interviewReminders", "weeklyReports", "marketingEmails"],
  push: ["newMessages", "interviewReminders", "candidateUpdates", "teamNotifications"],
  desktop: ["newMessages", "interviewReminders", "candidateUpdates", "teamNotifications"],
} as const;

export type NotificationChannel = keyof typeof NOTIFICATION_CHANNELS;
export type ChannelPreferences<C extends NotificationChannel> = Record<(typeof NOTIFICATION_CHANNELS)[C][number], boolean>;
export type NotificationPreferences = { [C in NotificationChannel]: ChannelPreferences<C> };
export type NotificationPreferencesPatch = { [C in NotificationChannel]?: Partial<ChannelPreferences<C>> };

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: { newMessages: true, interviewReminders: true, weeklyReports: true, marketingEmails: false },
  push: { newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: true },
  desktop: { newMessages: true, interviewReminders: true, candidateUpdates: false, teamNotifications: true },
};

const flag = z.boolean({ error: "boolean.expected" });
function channelSchema<C extends NotificationChannel>(channel: C) {
  const shape = Object.fromEntries(NOTIFICATION_CHANNELS[channel].map((key) => [key, flag.optional()])) as Record<
    (typeof NOTIFICATION_CHANNELS)[C][number],
    z.ZodOptional<typeof flag>
  >;
  return strictBody(shape);
}

/**
 * A full or partial update (`PUT /api/users/profile/notifications`): any channel, any of its
 * switches; an unknown channel or key, or anything but a boolean, is refused.
 */
export const notificationPreferencesPatchSchema = strictBody({
  email: channelSchema("email").optional(),
  push: channelSchema("push").optional(),
  desktop: channelSchema("desktop").optional(),
});

/** Stored JSON read back through the defaults: missing or stray keys never reach a client. */
export function withDefaults(stored: Partial<Record<NotificationChannel, unknown>> | null): NotificationPreferences {
  const read = <C extends NotificationChannel>(channel: C): ChannelPreferences<C> => {
    const saved = stored?.[channel];
    const values = (saved && typeof saved === "object" ? saved : {}) as Record<string, unknown>;
    const defaults = DEFAULT_NOTIFICATION_PREFERENCES[channel] as Record<string, boolean>;
    return Object.fromEntries(
      NOTIFICATION_CHANNELS[channel].map((key) => [key, typeof values[key] === "boolean" ? values[key] : defaults[key]]),
    ) as ChannelPreferences<C>;
  };
  return { email: read("email"), push: read("push"), desktop: read("desktop") };
}
