import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { userinfo001 } from "@/lib/mappers/profile-001";
import { getProfile } from "@/lib/services/profile/get-profile";

/** Seed 001: OpenID Connect UserInfo, with the linked sign-in providers. */
export const GET = apiRoute(async ({ request }) => {
  const caller = await requireCaller(request, { scope: "profile" });
  return jsonResponse(userinfo001(await getProfile(caller.user.id)));
});
