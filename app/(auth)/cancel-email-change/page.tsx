import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkCard } from "@/components/auth/email-link-card";
import { buttonClasses } from "@/components/ui/button";
import { getLocale } from "@/lib/auth/locale";
import { authText, format } from "@/lib/i18n/ui/auth";
import { findPendingEmailChange } from "@/lib/services/profile/cancel-email-change";
import { findLiveToken } from "@/lib/services/verification/one-time-token";
import { cancelEmailChangeAction } from "../email-change-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].emailChange.cancelMetaTitle };
}

/**
 * The old address's link lands here: whoever reads that inbox cancels the change and signs
 * every device out with one button, then is led to choose a new password (the reset also
 * ends tokens and app grants). The link is checked, not spent, until the button.
 */
export default async function CancelEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const locale = await getLocale();
  const text = authText[locale].emailChange;
  const live = token ? await findLiveToken("EMAIL_CHANGE_CANCEL", token) : null;
  const pending = live?.userId ? await findPendingEmailChange(live.userId) : null;
  const reset = { href: "/forgot-password", label: text.resetPassword };

  if (!live || !pending) {
    return (
      <AuthCard title={authText[locale].emailChange.invalidTitle} description={text.cancelInvalid}>
        <a href={reset.href} className={buttonClasses({ size: "lg", className: "w-full" })}>
          {reset.label}
        </a>
      </AuthCard>
    );
  }
  return (
    <EmailLinkCard
      token={token}
      action={cancelEmailChangeAction}
      ask={{ title: text.cancelTitle, description: format(text.cancelDescription, { email: pending.email }), explain: text.cancelExplain, submit: text.cancel, variant: "destructive" }}
      done={{ title: text.cancelledTitle, body: text.cancelled, hint: text.cancelledNext, link: reset }}
      failed={{ title: text.invalidTitle, body: text.cancelInvalid, link: reset }}
    />
  );
}
