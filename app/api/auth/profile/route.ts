import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { profile001, profileChangesFrom001, profileUpdated001 } from "@/lib/contracts/oauth-profile/mappers";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileUpdate001Schema } from "@/lib/validation/profile";

/** Seed 001: OIDC claims; needs scope `profile`. */
export const GET = apiRoute(profileOps.getProfile001, async ({ caller }) => {
  return jsonResponse(profile001(await getProfile(caller.user.id)));
});

/** Seed 001: `picture_url` sets an external picture (a hosted one is deleted). */
export const PUT = apiRoute(profileOps.updateProfile001, async ({ caller, request, locale }) => {
  const body = validate(profileUpdate001Schema, await readJson(request), locale);
  const { profile } = await updateProfile({ userId: caller.user.id, changes: profileChangesFrom001(body), locale, client: clientInfo(request) });
  return jsonResponse(profileUpdated001(profile, locale));
});
