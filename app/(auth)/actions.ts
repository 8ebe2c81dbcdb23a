"use server";

// Server actions run only for same-origin POSTs (Next compares Origin with Host) and the
// session cookie is SameSite=Lax: no CSRF token is needed on these forms. Each declares its
// policy (lib/actions/define-action.ts): the sign-in forms are public.

import { redirect } from "next/navigation";
import { z } from "zod";
import type { SignInResult } from "@/lib/actions/auth-results";
import { defineAction } from "@/lib/actions/define-action";
import { BrowserSignInError, signIn, signOut } from "@/lib/auth/auth";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { AppError, isAppError } from "@/lib/core/errors";
import { localize, type Locale } from "@/lib/i18n/locale";
import { authText, format } from "@/lib/i18n/ui/auth";
import { registerUser } from "@/lib/services/auth/register-user";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { resendVerificationEmail } from "@/lib/services/auth/send-verification-email";
import { emailOnlySchema, loginSchema, registerSchema, resetPasswordSchema } from "@/lib/validation/auth";

const PUBLIC = { access: "public" } as const;

/**
 * Where to go after signing in: whatever the form carried, judged by safeRedirect (never off
 * the portal). The sign-in forms validate their whole input, so a NUL character anywhere in
 * it is refused; registration and social sign-in validate only their own fields and judge
 * the destination before (`from`), as they always did.
 */
const destinationSchema = z
  .unknown()
  .optional()
  .transform((target) => safeRedirect(target));

/** The same words as the API, plus the wait for a locked account. */
function signInFailureMessage(error: AppError, locale: Locale): string {
  if (error.code === "ACCOUNT_LOCKED") {
    const seconds = Number(error.options.headers?.["Retry-After"] ?? 60);
    return format(authText[locale].login.locked, { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return error.options.message ?? localize(locale, ERROR_CODES[error.code]);
}

/**
 * Runs an Auth.js credentials sign-in and turns a refusal into an answer for the form. On
 * success Auth.js has set the session cookie and we go to the (safe) destination.
 */
async function credentialsSignIn(provider: "password" | "two-factor", fields: Record<string, string>, destination: string, locale: Locale): Promise<SignInResult> {
  try {
    await signIn(provider, { ...fields, redirect: false });
  } catch (error) {
    if (error instanceof BrowserSignInError) {
      if ("twoFactor" in error.reason) return { ok: true, twoFactor: error.reason.twoFactor };
      return { ok: false, error: error.reason.error.code, message: signInFailureMessage(error.reason.error, locale) };
    }
    throw error;
  }
  redirect(destination);
}

type SignInAnswer = { twoFactor?: { tempToken: string } };

export const signInWithPasswordAction = defineAction({
  policy: PUBLIC,
  input: {
    schema: loginSchema.extend({ callbackUrl: destinationSchema }),
    from: (input: { email: string; password: string; callbackUrl?: string }) => input,
  },
  handler: async function signInWithPasswordAction({ input, locale }): Promise<SignInAnswer> {
    const result = await credentialsSignIn("password", { email: input.email, password: input.password }, input.callbackUrl, locale);
    if (!result.ok) throw new AppError(result.error, { message: result.message });
    return { twoFactor: result.twoFactor };
  },
});

const twoFactorInputSchema = z.object({
  tempToken: z.string().trim().min(1, "required").max(256),
  code: z.string().trim().min(1, "required").max(32, "code.invalid"),
  callbackUrl: destinationSchema,
});

export const verifyTwoFactorAction = defineAction({
  policy: PUBLIC,
  input: { schema: twoFactorInputSchema, from: (input: { tempToken: string; code: string; callbackUrl?: string }) => input },
  handler: async function verifyTwoFactorAction({ input, locale }): Promise<SignInAnswer> {
    const result = await credentialsSignIn("two-factor", { tempToken: input.tempToken, code: input.code }, input.callbackUrl, locale);
    if (!result.ok) throw new AppError(result.error, { message: result.message });
    return {};
  },
});

type RegisterArgs = { email: string; password: string; firstName?: string; lastName?: string; callbackUrl?: string };

/** Creates the account, then signs in through the same password provider as /login. */
export const registerAction = defineAction({
  policy: PUBLIC,
  input: {
    schema: registerSchema.extend({ callbackUrl: z.string() }),
    from: ({ email, password, firstName, lastName, callbackUrl }: RegisterArgs) => ({ email, password, firstName, lastName, callbackUrl: safeRedirect(callbackUrl) }),
  },
  handler: async function registerAction({ input: { callbackUrl, ...account }, locale, client }): Promise<SignInAnswer> {
    await registerUser({ ...account, client, locale });
    const result = await credentialsSignIn("password", { email: account.email, password: account.password }, callbackUrl, locale);
    // A deployment requiring verified emails refuses the sign-in: the page says to check the inbox.
    if (!result.ok) return {};
    return { twoFactor: result.twoFactor };
  },
});

export const requestPasswordResetAction = defineAction({
  policy: PUBLIC,
  input: emailOnlySchema,
  handler: async function requestPasswordResetAction({ input, locale, client }): Promise<Record<never, never>> {
    await requestPasswordReset({ email: input.email, locale, client });
    return {};
  },
});

export const resetPasswordAction = defineAction({
  policy: PUBLIC,
  input: resetPasswordSchema,
  handler: async function resetPasswordAction({ input, locale, client, signedIn }): Promise<Record<never, never>> {
    // Any session this browser had was revoked with the others: start from a clean cookie.
    if (await signedIn()) await signOut({ redirect: false });
    await resetPassword({ token: input.token, newPassword: input.newPassword, client, locale });
    redirect("/login?reset=1");
  },
});

/** The "resend" button of the unverified-email banner and of an expired verification link. */
export const resendVerificationAction = defineAction({
  policy: { access: "user", sensitivity: "none" },
  handler: async function resendVerificationAction({ user, locale, client }): Promise<Record<never, never>> {
    try {
      // The same per-address and per-IP limit as the API's resend routes.
      await resendVerificationEmail({ userId: user.id, email: user.email, locale, client });
    } catch (error) {
      // Verified in another tab meanwhile: nothing to resend, nothing to report.
      if (isAppError(error) && error.code === "EMAIL_ALREADY_VERIFIED") return {};
      throw error;
    }
    return {};
  },
});

/** Revokes this browser's session row (events.signOut) and clears the cookie. */
export const signOutAction = defineAction({
  policy: PUBLIC,
  answer: "redirect",
  handler: async function signOutAction() {
    await signOut({ redirectTo: "/login?signedOut=1" });
  },
});

/** Starts Google or GitHub sign-in; Auth.js redirects to the provider (an unknown one to its own sign-in page). */
export const socialSignInAction = defineAction({
  policy: PUBLIC,
  answer: "redirect",
  input: {
    // The page binds the provider's id; anything else reads as a provider Auth.js does not know.
    schema: z.object({ provider: z.coerce.string(), callbackUrl: z.string() }),
    from: (provider: string, callbackUrl: string | undefined) => ({ provider, callbackUrl: safeRedirect(callbackUrl) }),
  },
  handler: async function socialSignInAction({ input }) {
    await signIn(input.provider, { redirectTo: input.callbackUrl });
  },
});
