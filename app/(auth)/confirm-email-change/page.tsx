import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkCard } from "@/components/auth/email-link-card";
import { buttonClasses } from "@/components/ui/button";
import { getOptionalUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/auth/locale";
import { authText, format } from "@/lib/i18n/ui/auth";
import { findLiveToken } from "@/lib/services/verification/one-time-token";
import { confirmEmailChangeAction } from "../email-change-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].emailChange.confirmMetaTitle };
}

/**
 * The new address's link lands here, in the portal's own layout (the API's HTML page had its
 * styles blocked by the API's Content-Security-Policy and looked like phishing). The link is
 * checked, not spent: the button spends it and the card ends with "your email is now ...".
 */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const locale = await getLocale();
  const text = authText[locale].emailChange;
  const live = token ? await findLiveToken("EMAIL_CHANGE", token) : null;
  const signedIn = Boolean(await getOptionalUser());
  const next = signedIn ? { href: "/settings/profile", label: text.toProfile } : { href: "/login", label: authText[locale].login.submit };

  if (!live?.target) {
    return (
      <AuthCard title={text.invalidTitle} description={text.invalid}>
        <a href={next.href} className={buttonClasses({ size: "lg", className: "w-full" })}>
          {next.label}
        </a>
      </AuthCard>
    );
  }
  return (
    <EmailLinkCard
      token={token}
      action={confirmEmailChangeAction}
      ask={{ title: text.confirmTitle, description: format(text.confirmDescription, { email: live.target }), submit: text.confirm }}
      done={{ title: text.doneTitle, body: text.done, hint: text.doneHint, link: signedIn ? next : { href: "/login", label: authText[locale].login.submit } }}
      failed={{ title: text.invalidTitle, body: text.invalid, link: next }}
    />
  );
}
