import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { localize } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { readImageUpload } from "@/lib/api/upload";
import { setAvatar } from "@/lib/services/avatar/set-avatar";

/** Seed 000: multipart field `avatar` (CONTRACT 7). */
export const POST = apiRoute(profileOps.uploadAvatar000, async ({ caller, request, locale }) => {
  const bytes = await readImageUpload(request, "avatar");
  const user = await setAvatar({ userId: caller.user.id, bytes, client: clientInfo(request) });
  return jsonResponse({ avatar_url: user.image, message: localize(locale, PROFILE_MESSAGES.avatarUpdated) });
});
