import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { localize } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { changePassword } from "@/lib/services/password/change-password";
import { passwordChange000Schema } from "@/lib/validation/profile";

/** Seed 000: `{current_password, new_password, revoke_tokens_and_apps?}`; every other session is signed out. */
export const PUT = apiRoute(profileOps.changePassword000, async ({ caller, request, locale }) => {
  const body = validate(passwordChange000Schema, await readJson(request), locale);
  const { user } = await changePassword({
    userId: caller.user.id,
    currentPassword: body.current_password,
    newPassword: body.new_password,
    revokeTokensAndApps: body.revoke_tokens_and_apps,
    keepSessionId: caller.session.id,
    client: clientInfo(request),
    locale,
  });
  return jsonResponse({
    message: localize(locale, PROFILE_MESSAGES.passwordChanged),
    last_password_change: user.lastPasswordChange?.toISOString() ?? null,
  });
});
