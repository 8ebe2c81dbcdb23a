"use server";

// Server actions run only for same-origin POSTs (Next compares Origin with Host) and the
// session cookie is SameSite=Lax: no CSRF token is needed on these forms. Each declares its
// policy (lib/actions/define-action.ts): the sign-in forms are public.

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { clientInfo } from "@/lib/core/client-info";
import { AppError, isAppError } from "@/lib/core/errors";
import { validate } from "@/lib/api/validation";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { publicAction, userAction } from "@/lib/actions/define-action";
import { BrowserSignInError, signIn, signOut } from "@/lib/auth/auth";
import { getOptionalUser } from "@/lib/auth/require-user";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/core/env";
import { localize, type Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/server";
import { authText, format } from "@/lib/i18n/ui/auth";
import { registerUser } from "@/lib/services/auth/register-user";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { actionClientInfo } from "@/lib/actions/client-info";
import { resendVerificationEmail } from "@/lib/services/auth/send-verification-email";
import { emailOnlySchema, loginSchema, registerSchema, resetPasswordSchema } from "@/lib/validation/auth";
import { z } from "zod";

async function requestClient() {
  return clientInfo(new Request(`${env().APP_URL}/`, { headers: await headers() }));
}

/** The same words as the API, plus the wait for a locked account. */
function signInFailureMessage(error: AppError, locale: Locale): string {
  if (error.code === "ACCOUNT_LOCKED") {
    const seconds = Number(error.options.headers?.["Retry-After"] ?? 60);
    return format(authText[locale].login.locked, { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return error.options.message ?? localize(locale, ERROR_CODES[error.code]);
}

export type SignInResult = ActionResult<{ twoFactor?: { tempToken: string } }>;

/**
 * Runs an Auth.js credentials sign-in and turns a refusal into an answer for the form. On
 * success Auth.js has set the session cookie and we go to the (safe) callback URL.
 */
async function credentialsSignIn(provider: "password" | "two-factor", fields: Record<string, string>, callbackUrl: unknown, locale: Locale): Promise<SignInResult> {
  try {
    await signIn(provider, { ...fields, redirect: false });
  } catch (error) {
    if (error instanceof BrowserSignInError) {
      if ("twoFactor" in error.reason) return { ok: true, twoFactor: error.reason.twoFactor };
      return { ok: false, error: error.reason.error.code, message: signInFailureMessage(error.reason.error, locale) };
    }
    throw error;
  }
  redirect(safeRedirect(callbackUrl));
}

export const signInWithPasswordAction = publicAction(async function signInWithPasswordAction(input: { email: string; password: string; callbackUrl?: string }): Promise<SignInResult> {
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { email, password } = validate(loginSchema, input, locale);
    const result = await credentialsSignIn("password", { email, password }, input.callbackUrl, locale);
    if (!result.ok) throw new AppError(result.error, { message: result.message });
    return { twoFactor: result.twoFactor };
  });
});

const twoFactorInputSchema = z.object({ tempToken: z.string().trim().min(1, "required").max(256), code: z.string().trim().min(1, "required").max(32, "code.invalid") });

export const verifyTwoFactorAction = publicAction(async function verifyTwoFactorAction(input: { tempToken: string; code: string; callbackUrl?: string }): Promise<SignInResult> {
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { tempToken, code } = validate(twoFactorInputSchema, input, locale);
    const result = await credentialsSignIn("two-factor", { tempToken, code }, input.callbackUrl, locale);
    if (!result.ok) throw new AppError(result.error, { message: result.message });
    return {};
  });
});

/** Creates the account, then signs in through the same password provider as /login. */
export const registerAction = publicAction(async function registerAction(input: { email: string; password: string; firstName?: string; lastName?: string; callbackUrl?: string }): Promise<SignInResult> {
  const locale = await getLocale();
  return runAction(locale, async () => {
    const data = validate(registerSchema, { email: input.email, password: input.password, firstName: input.firstName, lastName: input.lastName }, locale);
    await registerUser({ ...data, client: await requestClient(), locale });
    const result = await credentialsSignIn("password", { email: data.email, password: data.password }, input.callbackUrl, locale);
    // A deployment requiring verified emails refuses the sign-in: the page says to check the inbox.
    if (!result.ok) return {};
    return { twoFactor: result.twoFactor };
  });
});

export const requestPasswordResetAction = publicAction(async function requestPasswordResetAction(input: { email: string }): Promise<ActionResult> {
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { email } = validate(emailOnlySchema, input, locale);
    await requestPasswordReset({ email, locale, client: await requestClient() });
    return {};
  });
});

export const resetPasswordAction = publicAction(async function resetPasswordAction(input: { token: string; newPassword: string }): Promise<ActionResult> {
  const locale = await getLocale();
  const result = await runAction(locale, async () => {
    const { token, newPassword } = validate(resetPasswordSchema, input, locale);
    // Any session this browser had was revoked with the others: start from a clean cookie.
    if (await getOptionalUser()) await signOut({ redirect: false });
    await resetPassword({ token, newPassword, client: await requestClient(), locale });
    return {};
  });
  if (result.ok) redirect("/login?reset=1");
  return result;
});

/** The "resend" button of the unverified-email banner and of an expired verification link. */
export const resendVerificationAction = userAction({ access: "user", sensitivity: "none" }, async ({ user, locale }) => {
  try {
    // The same per-address and per-IP limit as the API's resend routes.
    await resendVerificationEmail({ userId: user.id, email: user.email, locale, client: await actionClientInfo() });
  } catch (error) {
    // Verified in another tab meanwhile: nothing to resend, nothing to report.
    if (isAppError(error) && error.code === "EMAIL_ALREADY_VERIFIED") return {};
    throw error;
  }
  return {};
});

/** Revokes this browser's session row (events.signOut) and clears the cookie. */
export const signOutAction = publicAction(async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
});

/** Starts Google or GitHub sign-in; Auth.js redirects to the provider. */
export const socialSignInAction = publicAction(async function socialSignInAction(provider: string, callbackUrl: string | undefined): Promise<void> {
  await signIn(provider, { redirectTo: safeRedirect(callbackUrl) });
});
