"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/api/validation";
import { assertSudo } from "@/lib/auth/recent-auth";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/i18n/server";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { cancelEmailChange } from "@/lib/services/profile/cancel-email-change";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileSettingsSchema, type ProfileSettingsInput } from "./schema";

const PATH = "/settings/profile";

/** Saves the profile form through the same service as `PUT /api/users/profile`. */
export async function updateProfileAction(input: ProfileSettingsInput): Promise<ActionResult<{ emailChangeRequested: boolean; pendingEmail: string | null }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const changes = validate(profileSettingsSchema, input, locale);
    const email = changes.email !== user.email ? changes.email : undefined;
    // The sign-in email is a credential: changing it is a sensitive action; the other fields are not.
    if (email !== undefined) assertSudo(session);
    const { emailChangeRequested } = await updateProfile({ userId: user.id, changes: { ...changes, email }, locale, client: await actionClientInfo() });
    revalidatePath(PATH, "layout");
    return { emailChangeRequested, pendingEmail: emailChangeRequested ? (email ?? null) : null };
  });
}

/** The profile's "Cancel" beside a pending address: its confirmation link stops working. */
export async function cancelEmailChangeAction(): Promise<ActionResult> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    await cancelEmailChange({ userId: user.id, client: await actionClientInfo() });
    revalidatePath(PATH, "layout");
    return {};
  });
}

/** Removes the avatar (its file too), as `DELETE /api/auth/profile/photo` does. */
export async function removeAvatarAction(): Promise<ActionResult> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    await removeAvatar({ userId: user.id, client: await actionClientInfo() });
    revalidatePath(PATH, "layout");
    return {};
  });
}
