import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { getOptionalUser } from "@/lib/auth/require-user";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { getLocale } from "@/lib/auth/locale";
import { authText } from "@/lib/i18n/ui/auth";
import { commonText } from "@/lib/i18n/ui/common";
import { registerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].register.metaTitle };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = Array.isArray(raw) ? raw[0] : raw;
  if (await getOptionalUser()) redirect(safeRedirect(callbackUrl));
  const locale = await getLocale();
  const text = authText[locale];
  const loginHref = callbackUrl ? `/login?callbackUrl=${encodeURIComponent(safeRedirect(callbackUrl))}` : "/login";
  return (
    <AuthCard
      title={text.register.title}
      description={text.register.description}
      footer={
        <p>
          {text.register.haveAccount}{" "}
          <a href={loginHref} className="font-medium text-link hover:underline">
            {text.register.login}
          </a>
        </p>
      }
    >
      <RegisterForm text={text} common={commonText[locale]} locale={locale} callbackUrl={callbackUrl} register={registerAction} />
    </AuthCard>
  );
}
