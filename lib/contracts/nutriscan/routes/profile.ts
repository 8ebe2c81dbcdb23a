import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { assertFirstParty, POLICY } from "@/lib/auth/policy";
import { Profile003, ProfileUpdated003 } from "@/lib/contracts/nutriscan/answers";
import { profile003, profileUpdated003 } from "@/lib/contracts/nutriscan/mappers";
import { callerOwnsPathEmail, ownEmailPath, profileUpdate003Schema } from "@/lib/contracts/nutriscan/requests";
import { AccountDeleted, accountDeleted } from "@/lib/contracts/shared/account-deleted";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { changePassword } from "@/lib/services/password/change-password";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { deleteAccountSchema } from "@/lib/validation/profile";

/**
 * NutriScan names the account by email in the path; only the caller's own is served
 * (`callerOwnsPathEmail`): another address gets 403 whether or not it exists, so nothing leaks.
 */
const TAGS = ["Users (003)"];

/** The caller's user row, read by the policy's check in this very request, is the whole answer. */
export const getProfile003 = defineRoute({
  method: "get",
  path: "/api/users/profile/{email}",
  operationId: "getProfile003",
  tags: TAGS,
  summary: "The caller's profile",
  description: "Seed 003. Only the caller's own email is answered; any other gets 403, whether or not it exists.",
  policy: POLICY.profile,
  params: { path: ownEmailPath },
  beforeBody: callerOwnsPathEmail,
  responses: [{ status: 200, description: "The profile.", schema: Profile003 }],
  errors: ["FORBIDDEN", "USER_NOT_FOUND"],
}, async function getProfile003({ caller }) {
  return jsonResponse(profile003(caller.user));
});

/**
 * `{name?, currentPassword?, newPassword?}`: the domain's password change, then its profile
 * update. The password is checked and changed first, so a wrong current password leaves the
 * name untouched too; a new password also signs out every other session.
 */
export const updateProfile003 = defineRoute({
  method: "put",
  path: "/api/users/profile/{email}",
  operationId: "updateProfile003",
  tags: TAGS,
  summary: "Update the caller's profile",
  description:
    "Seed 003: a new password needs the current one, must differ from it, signs out every other session and cancels a pending email change; the optional `revokeTokensAndApps: true` (not in the seed's body) also revokes personal access tokens and third-party app grants. Message: « Profil mis à jour avec succès ».",
  policy: { ...POLICY.profile, sensitiveFields: { currentPassword: "proof", newPassword: "proof" } },
  params: { path: ownEmailPath },
  beforeBody: callerOwnsPathEmail,
  body: {
    schema: profileUpdate003Schema,
    examples: { seed003: { summary: "Seed 003", value: { name: "Jane Doe", currentPassword: "ancienMotDePasse", newPassword: "NouveauMotDePasse123!" } } },
  },
  responses: [{ status: 200, description: "Updated.", schema: ProfileUpdated003 }],
  errors: ["FORBIDDEN", "INVALID_PASSWORD", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function updateProfile003({ caller, body, locale, client }) {
  if (body.newPassword !== undefined && body.currentPassword !== undefined) {
    // A password change is the account owner's own act: never through a third-party app's token.
    assertFirstParty(caller);
    await changePassword({
      userId: caller.user.id,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      revokeTokensAndApps: body.revokeTokensAndApps,
      keepSessionId: caller.session.id,
      client,
      locale,
    });
  }
  const { profile } = await updateProfile({ userId: caller.user.id, changes: { name: body.name }, locale, client });
  return jsonResponse(profileUpdated003(profile.user, locale));
});

/** `{password}`: the account and everything attached to it. */
export const deleteAccount003 = defineRoute({
  method: "delete",
  path: "/api/users/profile/{email}",
  operationId: "deleteAccount003",
  tags: TAGS,
  summary: "Delete the caller's account",
  description: "Seed 003: confirmed with the password. Message: « Compte supprimé avec succès ».",
  policy: POLICY.proof,
  params: { path: ownEmailPath },
  beforeBody: callerOwnsPathEmail,
  body: { schema: deleteAccountSchema, examples: { seed003: { summary: "Seed 003", value: { password: "motDePasseConfirmation" } } } },
  responses: [{ status: 200, description: "Deleted.", schema: AccountDeleted }],
  errors: ["FORBIDDEN", "INVALID_PASSWORD", "REAUTH_REQUIRED", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function deleteAccount003({ caller, body, client, locale, recentSudo }) {
  await deleteAccount({ userId: caller.user.id, password: body.password, sudo: recentSudo(), client });
  return jsonResponse(accountDeleted(locale));
});
