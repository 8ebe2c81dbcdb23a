import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { getLocale } from "@/lib/auth/locale";
import { authText } from "@/lib/i18n/ui/auth";
import { commonText } from "@/lib/i18n/ui/common";
import { requestPasswordResetAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].forgot.metaTitle };
}

export default async function ForgotPasswordPage() {
  const locale = await getLocale();
  const text = authText[locale];
  return (
    <AuthCard
      title={text.forgot.title}
      description={text.forgot.description}
      footer={
        <a href="/login" className="font-medium text-link hover:underline">
          {text.forgot.back}
        </a>
      }
    >
      <ForgotPasswordForm text={text} common={commonText[locale]} locale={locale} request={requestPasswordResetAction} />
    </AuthCard>
  );
}
