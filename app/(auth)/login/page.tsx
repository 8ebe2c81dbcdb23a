import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { SocialButtons } from "@/components/auth/social-buttons";
import { Alert } from "@/components/ui/alert";
import { configuredSocialProviders } from "@/lib/auth/auth";
import { getOptionalUser } from "@/lib/auth/require-user";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";
import { localize, type Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/auth/locale";
import { authText } from "@/lib/i18n/ui/auth";
import { commonText } from "@/lib/i18n/ui/common";
import { isSignedOutReason } from "@/lib/services/sessions/ended-session-reason";
import { signInWithPasswordAction, socialSignInAction, verifyTwoFactorAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authText[await getLocale()].login.metaTitle };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Social sign-in refusals come back as /login?error=<CODE> (our codes) or Auth.js's own types. */
function oauthErrorMessage(error: string, locale: Locale): string {
  if (error === "OAuthAccountNotLinked") return authText[locale].login.socialNotLinked;
  if (error in ERROR_CODES) return localize(locale, ERROR_CODES[error as ErrorCode]);
  return authText[locale].login.socialFailed;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = one(params.callbackUrl);
  if (await getOptionalUser()) redirect(safeRedirect(callbackUrl));

  const locale = await getLocale();
  const text = authText[locale];
  const providers = configuredSocialProviders();
  const oauthError = one(params.error);
  const notice = one(params.reset)
    ? text.login.passwordReset
    : one(params.deleted)
      ? text.login.accountDeleted
      : one(params.emailChanged)
        ? text.login.emailChanged
        : one(params.signedOut)
          ? text.login.signedOut
          : null;
  // Set by requireUser from the session the cookie still names; unknown values show nothing.
  const reason = one(params.reason);
  const ended = isSignedOutReason(reason) ? text.login.ended[reason] : null;
  const registerHref = callbackUrl ? `/register?callbackUrl=${encodeURIComponent(safeRedirect(callbackUrl))}` : "/register";

  return (
    <AuthCard
      title={text.login.title}
      description={text.login.description}
      footer={
        <>
          <p>
            {text.login.noAccount}{" "}
            <a href={registerHref} className="font-medium text-link hover:underline">
              {text.login.register}
            </a>
          </p>
          {process.env.NODE_ENV === "development" ? (
            <p className="mt-3">
              <a href="/dev/outbox" className="text-muted-foreground underline underline-offset-4 hover:text-foreground">
                {text.login.devOutbox}
              </a>
            </p>
          ) : null}
        </>
      }
    >
      {ended ? (
        <Alert tone={reason === "revoked" ? "warning" : "info"} title={ended.title} data-testid="session-ended">
          {ended.body}
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {oauthError ? <Alert tone="error">{oauthErrorMessage(oauthError, locale)}</Alert> : null}
      {providers.length ? (
        <>
          <SocialButtons providers={providers} label={text.login.continueWith} callbackUrl={callbackUrl} action={socialSignInAction} />
          <div className="flex items-center gap-3 text-xs uppercase text-muted-foreground" role="none">
            <span className="h-px flex-1 bg-border" />
            {text.or}
            <span className="h-px flex-1 bg-border" />
          </div>
        </>
      ) : null}
      <LoginForm
        text={text}
        common={commonText[locale]}
        locale={locale}
        callbackUrl={callbackUrl}
        signInWithPassword={signInWithPasswordAction}
        verifyTwoFactor={verifyTwoFactorAction}
      />
    </AuthCard>
  );
}
