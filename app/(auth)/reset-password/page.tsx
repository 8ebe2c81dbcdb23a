import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";
import { isAppError } from "@/lib/core/errors";
import { getLocale } from "@/lib/auth/locale";
import { authText } from "@/lib/i18n/ui/auth";
import { commonText } from "@/lib/i18n/ui/common";
import { checkPasswordResetToken } from "@/lib/services/auth/check-password-reset-token";
import { resetPasswordAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].reset.metaTitle };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const locale = await getLocale();
  const text = authText[locale];
  // The link is checked, not spent: it is used only when the new password is saved.
  const owner = token
    ? await checkPasswordResetToken({ token }).catch((error: unknown) => {
        if (isAppError(error)) return null;
        throw error;
      })
    : null;

  if (!owner) {
    return (
      <AuthCard title={text.reset.invalidTitle} description={text.reset.invalid}>
        <a href="/forgot-password" className={buttonClasses({ size: "lg", className: "w-full" })}>
          {text.reset.requestNew}
        </a>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={text.reset.title} description={text.reset.description}>
      <ResetPasswordForm token={token} email={owner.email} text={text} common={commonText[locale]} locale={locale} reset={resetPasswordAction} />
    </AuthCard>
  );
}
