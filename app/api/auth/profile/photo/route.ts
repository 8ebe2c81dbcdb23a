import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { photoDeleted001, photoUpdated001, uploadError001 } from "@/lib/contracts/oauth-profile/mappers";
import { readImageUpload } from "@/lib/api/upload";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { setAvatar } from "@/lib/services/avatar/set-avatar";

/** Seed 001: multipart field `photo`; the previous photo is deleted; every refusal is a 400, as documented. */
export const POST = apiRoute(profileOps.uploadPhoto001, async ({ caller, request, locale }) => {
  const bytes = await readImageUpload(request, "photo").catch(uploadError001(locale));
  const user = await setAvatar({ userId: caller.user.id, bytes, client: clientInfo(request) }).catch(uploadError001(locale));
  return jsonResponse(photoUpdated001(user, locale));
});

export const DELETE = apiRoute(profileOps.deletePhoto001, async ({ caller, request, locale }) => {
  const user = await removeAvatar({ userId: caller.user.id, client: clientInfo(request) });
  return jsonResponse(photoDeleted001(user, locale));
});
