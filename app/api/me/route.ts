import { clientInfo } from "@/lib/api/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { requireCaller } from "@/lib/auth/caller";
import { accountDeleted } from "@/lib/mappers/profile-003";
import { me004, meUpdated004 } from "@/lib/mappers/profile-004";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { deleteAccountSchema, profileUpdate004Schema } from "@/lib/validation/profile";

/** Seed 004: `data.user`. */
export const GET = apiRoute(async ({ request }) => {
  const caller = await requireCaller(request, { scope: "profile" });
  return jsonResponse(me004(await getProfile(caller.user.id)));
});

export const PATCH = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "profile" });
  const body = validate(profileUpdate004Schema, await readJson(request), locale);
  const { profile } = await updateProfile({ userId: caller.user.id, changes: body, locale, client: clientInfo(request) });
  return jsonResponse(meUpdated004(profile, locale));
});

/** `{password}`: the account and everything attached to it; its tokens stop working at once. */
export const DELETE = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "account" });
  const body = validate(deleteAccountSchema, await readJson(request), locale);
  await deleteAccount({ userId: caller.user.id, password: body.password, signedInAt: caller.session.createdAt, client: clientInfo(request) });
  return jsonResponse(accountDeleted(locale));
});
