import { clientInfo } from "@/lib/core/client-info";
import { readBodyBytes, readJson } from "@/lib/api/body";
import { isAppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { env } from "@/lib/core/env";
import { localize } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { confirmEmailChange } from "@/lib/services/profile/confirm-email-change";
import { EMAIL_CHANGE_CONFIRM_PAGE } from "@/lib/services/profile/request-email-change";
import { confirmEmailChangeSchema } from "@/lib/validation/profile";

// 303 with no-store: a link's answer must not be cached with its token.
const redirect = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * Links mailed before the confirmation became a portal page pointed here: send the browser
 * to that page, which asks for a click before changing anything (mail scanners that follow
 * links must not be able to attach an address to someone's account). The token stays in the
 * query, as in the link itself.
 */
export const GET = apiRoute(profileOps.showEmailChangeConfirmation, async ({ request }) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return redirect(`${env().APP_URL}${EMAIL_CHANGE_CONFIRM_PAGE}?token=${encodeURIComponent(token)}`);
});

/** JSON `{token}` from an API client, or the page's form (then back to sign-in). */
export const POST = apiRoute(profileOps.confirmEmailChange, async ({ request, locale }) => {
  const isForm = /^application\/x-www-form-urlencoded/i.test(request.headers.get("content-type") ?? "");
  if (isForm) {
    const form = new URLSearchParams(new TextDecoder().decode(await readBodyBytes(request, 4096)));
    try {
      const { token } = validate(confirmEmailChangeSchema, Object.fromEntries(form), locale);
      await confirmEmailChange({ token, locale, client: clientInfo(request) });
      return redirect(`${env().APP_URL}/login?emailChanged=1`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return redirect(`${env().APP_URL}/login?emailChanged=0&error=${error.code}`);
    }
  }
  const { token } = validate(confirmEmailChangeSchema, await readJson(request), locale);
  const user = await confirmEmailChange({ token, locale, client: clientInfo(request) });
  return jsonResponse({ success: true, message: localize(locale, PROFILE_MESSAGES.emailChanged), email: user.email });
});
