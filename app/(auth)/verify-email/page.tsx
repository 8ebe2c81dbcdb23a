import type { Metadata } from "next";
import { headers } from "next/headers";
import { AuthCard } from "@/components/auth/auth-card";
import { ResendVerificationButton } from "@/components/auth/resend-verification-button";
import { buttonClasses } from "@/components/ui/button";
import { CheckCircleIcon } from "@/components/icons/check-circle";
import { clientInfo } from "@/lib/core/client-info";
import { isAppError } from "@/lib/core/errors";
import { getOptionalUser } from "@/lib/auth/require-user";
import { env } from "@/lib/core/env";
import { getLocale } from "@/lib/auth/locale";
import { authText } from "@/lib/i18n/ui/auth";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { resendVerificationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].verify.metaTitle };
}

/** Opens the emailed link: the address is verified on arrival, once. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const locale = await getLocale();
  const text = authText[locale].verify;

  const client = clientInfo(new Request(`${env().APP_URL}/`, { headers: await headers() }));
  const verified = token
    ? await verifyEmail({ token, client }).then(
        () => true,
        (error: unknown) => {
          if (isAppError(error)) return false;
          throw error;
        },
      )
    : false;
  const current = await getOptionalUser();

  if (verified) {
    return (
      <AuthCard title={text.successTitle}>
        <p className="flex items-center gap-2 text-sm">
          <CheckCircleIcon className="size-5 text-success-text" />
          {text.success}
        </p>
        <a href={current ? "/settings/profile" : "/login"} className={buttonClasses({ size: "lg", className: "w-full" })}>
          {text.continue}
        </a>
      </AuthCard>
    );
  }

  const alreadyVerified = Boolean(current?.user.emailVerified);
  return (
    <AuthCard title={token ? text.invalidTitle : text.missingTitle} description={text.invalid}>
      {current && !alreadyVerified ? (
        <ResendVerificationButton size="lg" className="w-full" resend={resendVerificationAction} labels={{ resend: text.resend, resent: text.resent }} />
      ) : current ? (
        <a href="/settings/profile" className={buttonClasses({ size: "lg", className: "w-full" })}>
          {text.continue}
        </a>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">{text.signInToResend}</p>
          <a href="/login?callbackUrl=%2Fverify-email" className={buttonClasses({ size: "lg", className: "w-full" })}>
            {authText[locale].login.submit}
          </a>
        </>
      )}
    </AuthCard>
  );
}
