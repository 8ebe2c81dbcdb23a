"use client";

import { useEffect, useState } from "react";
import type { SignInResult } from "@/lib/actions/auth-results";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { ArrowLeftIcon } from "@/components/icons/arrow-left";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { Locale } from "@/lib/i18n/locale";
import type { AuthText } from "@/lib/i18n/ui/auth";
import type { CommonText } from "@/lib/i18n/ui/common";

type PasswordValues = { email: string; password: string };
type CodeValues = { code: string };

/**
 * Email and password, then (when 2FA is on) the code on a second step. Both steps go
 * through Auth.js credentials providers in server actions; failures are the API's messages.
 */
export function LoginForm({
  text,
  common,
  locale,
  callbackUrl,
  signInWithPassword,
  verifyTwoFactor,
}: {
  text: AuthText;
  common: CommonText;
  locale: Locale;
  callbackUrl?: string;
  signInWithPassword: (input: PasswordValues & { callbackUrl?: string }) => Promise<SignInResult>;
  verifyTwoFactor: (input: { tempToken: string; code: string; callbackUrl?: string }) => Promise<SignInResult>;
}) {
  const [tempToken, setTempToken] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  // A social sign-in of an account with 2FA lands here with its one-time challenge in the
  // URL fragment (never sent to a server); take it and clear it from the address bar.
  useEffect(() => {
    const match = /(?:^#|&)challenge=([0-9a-f]{64})(?:&|$)/.exec(window.location.hash);
    if (!match) return;
    // After the first paint, as the page was rendered on the server without the fragment.
    const frame = requestAnimationFrame(() => {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      setTempToken(match[1]!);
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  if (tempToken) {
    return (
      <TwoFactorStep
        text={text}
        common={common}
        locale={locale}
        onBack={() => {
          setTempToken(null);
          setFormError(null);
        }}
        onExpired={(message) => {
          setTempToken(null);
          setFormError(message);
        }}
        submit={(code) => verifyTwoFactor({ tempToken, code, callbackUrl })}
      />
    );
  }
  return (
    <PasswordStep
      text={text}
      common={common}
      locale={locale}
      formError={formError}
      setFormError={setFormError}
      submit={async (values) => {
        const result = await signInWithPassword({ ...values, callbackUrl });
        if (result.ok && result.twoFactor) setTempToken(result.twoFactor.tempToken);
        return result;
      }}
    />
  );
}

function PasswordStep({
  text,
  common,
  locale,
  formError,
  setFormError,
  submit,
}: {
  text: AuthText;
  common: CommonText;
  locale: Locale;
  formError: string | null;
  setFormError: (message: string | null) => void;
  submit: (values: PasswordValues) => Promise<SignInResult>;
}) {
  const form = useLazyForm<PasswordValues>(
    { defaultValues: { email: "", password: "" }, schema: () => import("@/lib/validation/auth").then((m) => m.loginSchema), locale, fallbackMessage: common.genericError },
    async (values, rhf) => {
      setFormError(null);
      const result = await submit(values);
      if (result.ok) return;
      if (!applyFieldErrors(result.fieldErrors, rhf.setError, ["email", "password"])) setFormError(result.message);
      if (result.error === "INVALID_CREDENTIALS") rhf.resetField("password", { keepError: false });
    },
  );
  const { errors } = form;

  return (
    <form {...form.formProps} className="grid gap-4">
      {form.slot}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormField label={text.email} error={errors.email}>
        <Input type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.field("email")} />
      </FormField>
      <FormField
        label={text.password}
        error={errors.password}
        labelAction={
          // A plain link: next/link's client code would be this page's only use of it.
          <a href="/forgot-password" className="text-sm font-medium text-link hover:underline focus-visible:outline-2 focus-visible:outline-ring">
            {text.login.forgot}
          </a>
        }
      >
        <PasswordInput autoComplete="current-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.field("password")} />
      </FormField>
      <Button type="submit" size="lg" pending={form.isSubmitting} className="mt-1 w-full">
        {text.login.submit}
      </Button>
    </form>
  );
}

function TwoFactorStep({
  text,
  common,
  locale,
  submit,
  onBack,
  onExpired,
}: {
  text: AuthText;
  common: CommonText;
  locale: Locale;
  submit: (code: string) => Promise<SignInResult>;
  onBack: () => void;
  onExpired: (message: string) => void;
}) {
  const [backup, setBackup] = useState(false);
  const form = useLazyForm<CodeValues>({ defaultValues: { code: "" }, locale, fallbackMessage: common.genericError }, async ({ code }, rhf) => {
    const result = await submit(code.replace(/\s/g, ""));
    if (result.ok) return;
    if (result.error === "TWO_FACTOR_CHALLENGE_EXPIRED" || result.error === "INVALID_OR_EXPIRED_TOKEN") {
      onExpired(text.twoFactor.expired);
      return;
    }
    rhf.setError("code", { type: "server", message: result.message }, { shouldFocus: true });
    rhf.setValue("code", "");
  });
  const pattern = backup ? /^\d{4}-?\d{4}$/ : /^\d{6}$/;

  return (
    <form {...form.formProps} className="grid gap-4" aria-labelledby="two-factor-title">
      {form.slot}
      <div className="grid gap-1.5">
        <h2 id="two-factor-title" className="text-base font-semibold">
          {text.twoFactor.title}
        </h2>
        <p className="text-sm text-muted-foreground">{backup ? text.twoFactor.backupDescription : text.twoFactor.description}</p>
      </div>
      <FormField key={backup ? "backup" : "totp"} label={backup ? text.twoFactor.backupCode : text.twoFactor.code} error={form.errors.code}>
        <Input
          autoComplete="one-time-code"
          inputMode="numeric"
          // The step replaces the password form in place: focus lands on the code field.
          autoFocus
          maxLength={backup ? 9 : 6}
          className="font-mono tracking-[0.3em]"
          {...form.field("code", {
            required: text.twoFactor.code,
            setValueAs: (v: string) => v.replace(/\s/g, ""),
            pattern: { value: pattern, message: backup ? text.twoFactor.backupDescription : text.twoFactor.description },
          })}
        />
      </FormField>
      <Button type="submit" size="lg" pending={form.isSubmitting} className="w-full">
        {text.twoFactor.submit}
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Button variant="link" size="sm" onClick={onBack} className="gap-1">
          <ArrowLeftIcon className="size-4" />
          {text.twoFactor.back}
        </Button>
        <Button
          variant="link"
          size="sm"
          onClick={() => {
            setBackup((b) => !b);
            form.reset({ code: "" });
          }}
        >
          {backup ? text.twoFactor.useApp : text.twoFactor.useBackup}
        </Button>
      </div>
    </form>
  );
}
