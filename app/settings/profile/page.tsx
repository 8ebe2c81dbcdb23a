import type { Metadata } from "next";
import { AvatarUploader } from "@/components/settings/avatar-uploader";
import { formatDateTime } from "@/components/settings/format";
import { PendingEmailChange } from "@/components/settings/pending-email-change";
import { ProfileForm } from "@/components/settings/profile-form";
import { SettingsPageHeader, SettingsSection } from "@/components/settings/settings-section";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/auth/locale";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { findPendingEmailChange } from "@/lib/services/profile/cancel-email-change";
import { getProfile } from "@/lib/services/profile/get-profile";
import { cancelEmailChangeAction, removeAvatarAction, updateProfileAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsProfileText[await getLocale()].metaTitle };
}

export default async function ProfileSettingsPage() {
  const { user: caller } = await requireUser({ callbackUrl: "/settings/profile" });
  const locale = await getLocale();
  const text = settingsProfileText[locale];
  const [{ user }, pendingEmail] = await Promise.all([getProfile(caller.id), findPendingEmailChange(caller.id)]);

  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-8">
      <SettingsPageHeader title={text.title} description={text.description} />

      <SettingsSection id="avatar" title={text.avatarTitle}>
        <AvatarUploader image={user.image} name={user.name} email={user.email} text={text} removeAction={removeAvatarAction} />
      </SettingsSection>

      <SettingsSection
        id="details"
        title={text.detailsTitle}
        description={text.detailsDescription}
        action={<Badge tone={user.emailVerified ? "success" : "warning"}>{user.emailVerified ? text.emailVerified : text.emailUnverified}</Badge>}
      >
        {pendingEmail ? (
          <PendingEmailChange email={pendingEmail.email} until={formatDateTime(pendingEmail.expiresAt, locale, "UTC")} text={text} cancel={cancelEmailChangeAction} />
        ) : null}
        <ProfileForm
          // A fresh form after each save: the server's values are the truth.
          key={user.updatedAt.toISOString()}
          locale={locale}
          text={text}
          action={updateProfileAction}
          initial={{
            firstName: user.firstName ?? "",
            lastName: user.lastName ?? "",
            email: user.email,
            jobTitle: user.jobTitle ?? "",
            company: user.company ?? "",
            phone: user.phone ?? "",
            location: user.location ?? "",
            bio: user.bio ?? "",
          }}
        />
      </SettingsSection>
    </div>
  );
}
