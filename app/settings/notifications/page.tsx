import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences";
import { SettingsPageHeader } from "@/components/settings/settings-section";
import { InfoIcon } from "@/components/icons/info";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/auth/locale";
import { settingsNotificationsText } from "@/lib/i18n/ui/settings-notifications";
import { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";
import { updateNotificationPreferenceAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsNotificationsText[await getLocale()].metaTitle };
}

export default async function NotificationSettingsPage() {
  const { user } = await requireUser({ callbackUrl: "/settings/notifications" });
  const locale = await getLocale();
  const text = settingsNotificationsText[locale];
  const preferences = await getNotificationPreferences(user.id);
  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-8">
      <SettingsPageHeader title={text.title} description={text.description} />
      <NotificationPreferencesForm initial={preferences} text={text} action={updateNotificationPreferenceAction} />
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <InfoIcon className="size-4 shrink-0" />
        {text.securityNote}
      </p>
    </div>
  );
}
