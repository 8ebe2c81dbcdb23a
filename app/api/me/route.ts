import { clientInfo } from "@/lib/api/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { accountDeleted } from "@/lib/mappers/profile-003";
import { me004, meUpdated004 } from "@/lib/mappers/profile-004";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { deleteAccountSchema, profileUpdate004Schema } from "@/lib/validation/profile";

/** Seed 004: `data.user`. */
export const GET = apiRoute(profileOps.getMe004, async ({ caller }) => {
  return jsonResponse(me004(await getProfile(caller.user.id)));
});

export const PATCH = apiRoute(profileOps.updateMe004, async ({ caller, request, locale }) => {
  const body = validate(profileUpdate004Schema, await readJson(request), locale);
  const { profile } = await updateProfile({ userId: caller.user.id, changes: body, locale, client: clientInfo(request) });
  return jsonResponse(meUpdated004(profile, locale));
});

/** `{password}`: the account and everything attached to it; its tokens stop working at once. */
export const DELETE = apiRoute(profileOps.deleteAccount004, async ({ caller, request, locale, recentSudo }) => {
  const body = validate(deleteAccountSchema, await readJson(request), locale);
  await deleteAccount({ userId: caller.user.id, password: body.password, sudo: recentSudo(), client: clientInfo(request) });
  return jsonResponse(accountDeleted(locale));
});
