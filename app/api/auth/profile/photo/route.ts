import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { photoDeleted001, photoUpdated001, uploadError001 } from "@/lib/mappers/profile-001";
import { readAvatarUpload } from "@/lib/services/avatar/read-avatar-upload";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { setAvatar } from "@/lib/services/avatar/set-avatar";

/** Seed 001: multipart field `photo`; the previous photo is deleted; every refusal is a 400, as documented. */
export const POST = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "profile" });
  const bytes = await readAvatarUpload(request, "photo").catch(uploadError001(locale));
  const user = await setAvatar({ userId: caller.user.id, bytes, client: clientInfo(request) }).catch(uploadError001(locale));
  return jsonResponse(photoUpdated001(user, locale));
});

export const DELETE = apiRoute(async ({ request, locale }) => {
  const caller = await requireCaller(request, { scope: "profile" });
  const user = await removeAvatar({ userId: caller.user.id, client: clientInfo(request) });
  return jsonResponse(photoDeleted001(user, locale));
});
