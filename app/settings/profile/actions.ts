"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { userAction } from "@/lib/actions/define-action";
import { validate } from "@/lib/api/validation";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { cancelEmailChange } from "@/lib/services/profile/cancel-email-change";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileSettingsSchema, type ProfileSettingsInput } from "./schema";

const PATH = "/settings/profile";

/**
 * Saves the profile form through the same service as `PUT /api/users/profile`. The form's
 * email is a sensitive field: a new address needs the sudo window (the service asks for the
 * grant), the other fields do not.
 */
export const updateProfileAction = userAction(
  { access: "user", sensitivity: "none", sensitiveFields: { email: "sudo" }, callbackUrl: PATH },
  async ({ user, locale, sudo }, input: ProfileSettingsInput) => {
    const changes = validate(profileSettingsSchema, input, locale);
    const email = changes.email !== user.email ? changes.email : undefined;
    const { emailChangeRequested } = await updateProfile({ userId: user.id, changes: { ...changes, email }, sudo, locale, client: await actionClientInfo() });
    revalidatePath(PATH, "layout");
    return { emailChangeRequested, pendingEmail: emailChangeRequested ? (email ?? null) : null };
  },
);

/** The profile's "Cancel" beside a pending address: its confirmation link stops working. */
export const cancelEmailChangeAction = userAction({ access: "user", sensitivity: "none", callbackUrl: PATH }, async ({ user }) => {
  await cancelEmailChange({ userId: user.id, client: await actionClientInfo() });
  revalidatePath(PATH, "layout");
  return {};
});

/** Removes the avatar (its file too), as `DELETE /api/auth/profile/photo` does. */
export const removeAvatarAction = userAction({ access: "user", sensitivity: "none", callbackUrl: PATH }, async ({ user }) => {
  await removeAvatar({ userId: user.id, client: await actionClientInfo() });
  revalidatePath(PATH, "layout");
  return {};
});
