import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { IMAGE_UPLOAD_ERRORS, imageUploadSchema } from "@/lib/api/upload";
import { POLICY } from "@/lib/auth/policy";
import { PhotoDeleted001, PhotoUpdated001, Profile001, ProfileUpdated001, Userinfo001 } from "@/lib/contracts/oauth-profile/answers";
import {
  photoDeleted001,
  photoUpdated001,
  profile001,
  profileChangesFrom001,
  profileUpdated001,
  uploadError001,
  userinfo001,
} from "@/lib/contracts/oauth-profile/mappers";
import { profileUpdate001Schema } from "@/lib/contracts/oauth-profile/requests";
import { EXAMPLES, USERINFO_EXAMPLE } from "@/lib/contracts/shared/examples";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { setAvatar } from "@/lib/services/avatar/set-avatar";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";

/** OAuth clients holding scope `profile` (docs/contracts/oauth-profile.md). */

const TAGS = ["OAuth profile (001)"];

/** OIDC claims. */
export const getProfile001 = defineRoute({
  method: "get",
  path: "/api/auth/profile",
  operationId: "getProfile001",
  tags: TAGS,
  summary: "Profile claims",
  description: "Seed 001: OpenID Connect claims; times in Unix seconds.",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "The profile.", schema: Profile001, examples: { seed001: EXAMPLES.profile001 } }],
  errors: ["USER_NOT_FOUND"],
}, async function getProfile001({ caller }) {
  return jsonResponse(profile001(await getProfile(caller.user.id)));
});

/** `picture_url` sets an external picture (a hosted one is deleted). */
export const updateProfile001 = defineRoute({
  method: "put",
  path: "/api/auth/profile",
  operationId: "updateProfile001",
  tags: TAGS,
  summary: "Update profile claims",
  description:
    "Seed 001: `picture_url` sets an external picture (http(s) only; a hosted photo is deleted). Message: \"Profile updated successfully\" (seed 001's document is in English).",
  policy: POLICY.profile,
  body: {
    schema: profileUpdate001Schema,
    examples: {
      seed001: {
        summary: "Seed 001",
        value: { given_name: "John", family_name: "Doe", phone_number: "+33123456789", locale: "fr", picture_url: "https://example.com/photo.jpg" },
      },
    },
  },
  responses: [{ status: 200, description: "The updated claims.", schema: ProfileUpdated001 }],
  errors: ["USER_NOT_FOUND"],
}, async function updateProfile001({ caller, body, locale, client }) {
  const { profile } = await updateProfile({ userId: caller.user.id, changes: profileChangesFrom001(body), locale, client });
  return jsonResponse(profileUpdated001(profile, locale));
});

/** Multipart field `photo`; the previous photo is deleted; every refusal is a 400, as documented. */
export const uploadPhoto001 = defineRoute({
  method: "post",
  path: "/api/auth/profile/photo",
  operationId: "uploadPhoto001",
  tags: TAGS,
  summary: "Upload or replace the profile photo",
  description: "Seed 001: multipart field `photo`; the previous photo is deleted. Message: \"Profile photo updated successfully\".",
  policy: POLICY.profile,
  body: { schema: imageUploadSchema("photo"), contentType: "multipart/form-data", field: "photo", examples: {}, rewriteError: uploadError001 },
  responses: [{ status: 200, description: "The new picture URL.", schema: PhotoUpdated001 }],
  errors: [...IMAGE_UPLOAD_ERRORS, "USER_NOT_FOUND"],
}, async function uploadPhoto001({ caller, body, locale, client }) {
  const user = await setAvatar({ userId: caller.user.id, bytes: body, client });
  return jsonResponse(photoUpdated001(user, locale));
});

export const deletePhoto001 = defineRoute({
  method: "delete",
  path: "/api/auth/profile/photo",
  operationId: "deletePhoto001",
  tags: TAGS,
  summary: "Delete the profile photo",
  description: "Seed 001. Message: \"Profile photo deleted successfully\".",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "Deleted.", schema: PhotoDeleted001 }],
  errors: ["USER_NOT_FOUND"],
}, async function deletePhoto001({ caller, locale, client }) {
  return jsonResponse(photoDeleted001(await removeAvatar({ userId: caller.user.id, client }), locale));
});

/** OpenID Connect UserInfo, with the linked sign-in providers. */
export const getUserinfo001 = defineRoute({
  method: "get",
  path: "/api/auth/userinfo",
  operationId: "getUserinfo001",
  tags: TAGS,
  summary: "OpenID Connect UserInfo",
  description: "Seed 001: the profile claims plus the linked social accounts.",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "The claims.", schema: Userinfo001, examples: { seed001: USERINFO_EXAMPLE } }],
  errors: ["USER_NOT_FOUND"],
}, async function getUserinfo001({ caller }) {
  return jsonResponse(userinfo001(await getProfile(caller.user.id)));
});
