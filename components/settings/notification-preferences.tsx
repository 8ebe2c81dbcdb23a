"use client";

import { useState } from "react";
import { Switch } from "@/components/ui/switch";
import { MailIcon } from "@/components/icons/mail";
import { MonitorIcon } from "@/components/icons/monitor";
import { SmartphoneIcon } from "@/components/icons/smartphone";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsNotificationsText } from "@/lib/i18n/ui/settings-notifications";
import type { NotificationChannel, NotificationPreferences } from "@/lib/validation/notifications";

const ICONS = { email: MailIcon, push: SmartphoneIcon, desktop: MonitorIcon } as const;

type PreferenceKey = keyof SettingsNotificationsText["preferences"];

/**
 * One switch per preference and channel, saved the moment it is flipped. The switch moves at
 * once (optimistic); if the save fails it moves back and says so, so the page never shows a
 * state the server does not hold.
 */
export function NotificationPreferencesForm({
  initial,
  text,
  action,
}: {
  initial: NotificationPreferences;
  text: SettingsNotificationsText;
  action: (patch: unknown) => Promise<ActionResult<{ preferences: NotificationPreferences }>>;
}) {
  const [preferences, setPreferences] = useState(initial);
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());

  function setValue(channel: NotificationChannel, key: string, value: boolean) {
    setPreferences((current) => ({ ...current, [channel]: { ...current[channel], [key]: value } }));
  }

  async function toggle(channel: NotificationChannel, key: string, value: boolean) {
    const id = `${channel}.${key}`;
    setValue(channel, key, value);
    setSaving((s) => new Set(s).add(id));
    try {
      const result = await action({ [channel]: { [key]: value } });
      if (result.ok) {
        // Only this switch is taken from the answer: others may have been flipped meanwhile.
        const stored = (result.preferences[channel] as Record<string, boolean>)[key];
        if (typeof stored === "boolean") setValue(channel, key, stored);
        toast.success(text.saved);
      } else {
        setValue(channel, key, !value);
        toast.error(text.failed, { description: result.message });
      }
    } catch {
      setValue(channel, key, !value);
      toast.error(text.failed);
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    }
  }

  // Channels and keys come from the server's object (in seed 000's order), so the
  // validation module and zod stay out of this page's JavaScript.
  const channels = Object.keys(preferences) as NotificationChannel[];
  return (
    <div className="grid gap-6">
      {channels.map((channel) => {
        const Icon = ICONS[channel];
        const channelText = text.channels[channel];
        const headingId = `channel-${channel}-title`;
        const values = preferences[channel] as Record<string, boolean>;
        return (
          <section key={channel} aria-labelledby={headingId} className="rounded-xl border border-border bg-card shadow-sm" data-testid={`channel-${channel}`}>
            <div className="flex items-start gap-3 border-b border-border p-5">
              <Icon className="mt-0.5 size-5 text-muted-foreground" />
              <div className="grid gap-1">
                <h2 id={headingId} className="text-base font-semibold">
                  {channelText.title}
                </h2>
                <p className="text-sm text-muted-foreground">{channelText.description}</p>
              </div>
            </div>
            <ul className="divide-y divide-border">
              {Object.keys(values).map((key) => {
                const id = `pref-${channel}-${key}`;
                const label = text.preferences[key as PreferenceKey];
                return (
                  <li key={key} className="flex items-center justify-between gap-4 px-5 py-4">
                    <div className="grid gap-0.5">
                      <label htmlFor={id} className="text-sm font-medium">
                        {label?.label ?? key}
                        {/* The same preference exists on several channels: the name says which. */}
                        <span className="sr-only"> ({channelText.title})</span>
                      </label>
                      {label ? (
                        <p id={`${id}-description`} className="text-sm text-muted-foreground">
                          {label.description}
                        </p>
                      ) : null}
                    </div>
                    <Switch
                      id={id}
                      checked={values[key] ?? false}
                      aria-describedby={label ? `${id}-description` : undefined}
                      aria-busy={saving.has(`${channel}.${key}`) || undefined}
                      onCheckedChange={(value) => void toggle(channel, key, value)}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
