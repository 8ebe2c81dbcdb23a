import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { me002, meUpdated002, profileChangesFrom002 } from "@/lib/mappers/profile-002";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileUpdate002Schema } from "@/lib/validation/profile";

/** Seed 002 (`/auth/me`, rewritten here): the profile page's data. */
export const GET = apiRoute(profileOps.getMe002, async ({ caller }) => {
  return jsonResponse(me002(await getProfile(caller.user.id)));
});

export const PATCH = apiRoute(profileOps.updateMe002, async ({ caller, request, locale }) => {
  const body = validate(profileUpdate002Schema, await readJson(request), locale);
  await updateProfile({ userId: caller.user.id, changes: profileChangesFrom002(body), locale, client: clientInfo(request) });
  return jsonResponse(meUpdated002(locale));
});
