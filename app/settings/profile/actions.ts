"use server";

import { defineAction } from "@/lib/actions/define-action";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { cancelEmailChange } from "@/lib/services/profile/cancel-email-change";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileSettingsSchema } from "@/lib/validation/profile-settings";

const PATH = "/settings/profile";
/** The name, address and avatar show in the settings' header too: the whole layout. */
const REVALIDATE = [{ path: PATH, type: "layout" }] as const;

/**
 * Saves the profile form through the same service as `PUT /api/users/profile`. The form's
 * email is a sensitive field: a new address needs the sudo window (the service asks for the
 * grant), the other fields do not.
 */
export const updateProfileAction = defineAction({
  policy: { access: "user", sensitivity: "none", sensitiveFields: { email: "sudo" }, callbackUrl: PATH },
  input: profileSettingsSchema,
  revalidate: REVALIDATE,
  handler: async function updateProfileAction({ input, user, locale, client, sudo }) {
    const email = input.email !== user.email ? input.email : undefined;
    const { emailChangeRequested } = await updateProfile({ userId: user.id, changes: { ...input, email }, sudo, locale, client });
    return { emailChangeRequested, pendingEmail: emailChangeRequested ? (email ?? null) : null };
  },
});

/** The profile's "Cancel" beside a pending address: its confirmation link stops working. */
export const cancelEmailChangeAction = defineAction({
  policy: { access: "user", sensitivity: "none", callbackUrl: PATH },
  revalidate: REVALIDATE,
  handler: async function cancelEmailChangeAction({ user, client }): Promise<Record<never, never>> {
    await cancelEmailChange({ userId: user.id, client });
    return {};
  },
});

/** Removes the avatar (its file too), as `DELETE /api/auth/profile/photo` does. */
export const removeAvatarAction = defineAction({
  policy: { access: "user", sensitivity: "none", callbackUrl: PATH },
  revalidate: REVALIDATE,
  handler: async function removeAvatarAction({ user, client }): Promise<Record<never, never>> {
    await removeAvatar({ userId: user.id, client });
    return {};
  },
});
