import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { profile000, profileChangesFrom000 } from "@/lib/contracts/settings-app/mappers";
import { getFullProfile } from "@/lib/services/profile/get-full-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { profileUpdate000Schema } from "@/lib/validation/profile";

/** Seed 000: the complete profile. */
export const GET = apiRoute(profileOps.getProfile000, async ({ caller, locale }) => {
  return jsonResponse(profile000(await getFullProfile(caller.user.id, locale)));
});

/**
 * Seed 000: a new email is only requested (verified by link); the old one stays until then.
 * The email is a sensitive field: the service asks `sudo` for a grant before requesting it.
 */
export const PUT = apiRoute(profileOps.updateProfile000, async ({ caller, request, locale, sudo }) => {
  const body = validate(profileUpdate000Schema, await readJson(request), locale);
  await updateProfile({ userId: caller.user.id, changes: profileChangesFrom000(body), sudo, locale, client: clientInfo(request) });
  return jsonResponse(profile000(await getFullProfile(caller.user.id, locale)));
});
