import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { Me004, MeUpdated004 } from "@/lib/contracts/rest-v1/answers";
import { me004, meUpdated004 } from "@/lib/contracts/rest-v1/mappers";
import { profileUpdate004Schema } from "@/lib/contracts/rest-v1/requests";
import { AccountDeleted, accountDeleted } from "@/lib/contracts/shared/account-deleted";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { deleteAccountSchema } from "@/lib/validation/profile";

const TAGS = ["Account (004)"];

/** `data.user`. */
export const getMe004 = defineRoute({
  method: "get",
  path: "/api/me",
  operationId: "getMe004",
  tags: TAGS,
  summary: "The caller's profile",
  description: "Seed 004.",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "The profile.", schema: Me004, examples: { seed004: EXAMPLES.me004 } }],
  errors: ["USER_NOT_FOUND"],
}, async function getMe004({ caller }) {
  return jsonResponse(me004(await getProfile(caller.user.id)));
});

export const updateMe004 = defineRoute({
  method: "patch",
  path: "/api/me",
  operationId: "updateMe004",
  tags: TAGS,
  summary: "Update the profile",
  description: "Seed 004. Message: « Profil mis à jour avec succès ».",
  policy: POLICY.profile,
  body: { schema: profileUpdate004Schema, examples: { seed004: { summary: "Seed 004", value: { firstName: "Jane", lastName: "Smith" } } } },
  responses: [{ status: 200, description: "Updated.", schema: MeUpdated004 }],
  errors: ["USER_NOT_FOUND"],
}, async function updateMe004({ caller, body, locale, client }) {
  const { profile } = await updateProfile({ userId: caller.user.id, changes: body, locale, client });
  return jsonResponse(meUpdated004(profile, locale));
});

/** `{password}`: the account and everything attached to it; its tokens stop working at once. */
export const deleteAccount004 = defineRoute({
  method: "delete",
  path: "/api/me",
  operationId: "deleteAccount004",
  tags: TAGS,
  summary: "Delete the account",
  description: "Seed 004: confirmed with the password; every token stops working at once. Message: « Compte supprimé avec succès ».",
  policy: POLICY.proof,
  body: { schema: deleteAccountSchema, examples: { seed004: { summary: "Seed 004", value: { password: "SecurePassword123!" } } } },
  responses: [{ status: 200, description: "Deleted.", schema: AccountDeleted }],
  errors: ["INVALID_PASSWORD", "REAUTH_REQUIRED", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function deleteAccount004({ caller, body, client, locale, recentSudo }) {
  await deleteAccount({ userId: caller.user.id, password: body.password, sudo: recentSudo(), client });
  return jsonResponse(accountDeleted(locale));
});
