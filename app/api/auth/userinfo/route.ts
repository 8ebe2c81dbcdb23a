import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { userinfo001 } from "@/lib/contracts/oauth-profile/mappers";
import { getProfile } from "@/lib/services/profile/get-profile";

/** Seed 001: OpenID Connect UserInfo, with the linked sign-in providers. */
export const GET = apiRoute(profileOps.getUserinfo001, async ({ caller }) => {
  return jsonResponse(userinfo001(await getProfile(caller.user.id)));
});
