import { clientInfo } from "@/lib/api/client-info";
import { readBodyBytes, readJson } from "@/lib/api/body";
import { isAppError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import { env } from "@/lib/env";
import { localize } from "@/lib/i18n/locale";
import { PROFILE_EMAILS, PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { confirmEmailChange } from "@/lib/services/profile/confirm-email-change";
import { confirmEmailChangeSchema } from "@/lib/validation/profile";
import { escapeHtml } from "@/lib/html";

const redirect = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * The emailed link opens a page with a button rather than changing anything itself: mail
 * scanners that follow links must not be able to attach an address to someone's account.
 */
export const GET = apiRoute(profileOps.showEmailChangeConfirmation, async ({ request, locale }) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const title = localize(locale, PROFILE_EMAILS.confirmPageTitle);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>
<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" style="padding:.6rem 1.2rem;font-size:1rem">${escapeHtml(localize(locale, PROFILE_EMAILS.changeRequestAction))}</button></form>
</body></html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      "referrer-policy": "no-referrer",
    },
  });
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
