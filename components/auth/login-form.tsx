"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { SignInResult } from "@/app/(auth)/actions";
import { applyFieldErrors, lazySchemaResolver } from "@/components/settings/form-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
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
  const [resolver] = useState(() => lazySchemaResolver<PasswordValues>(() => import("@/lib/validation/auth").then((m) => m.loginSchema), locale, common.genericError));
  const form = useForm<PasswordValues>({ resolver, defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await submit(values);
    if (result.ok) return;
    if (!applyFieldErrors(result.fieldErrors, form.setError, ["email", "password"])) setFormError(result.message);
    if (result.error === "INVALID_CREDENTIALS") form.resetField("password", { keepError: false });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormField label={text.email} error={errors.email?.message}>
        <Input type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.register("email")} />
      </FormField>
      <FormField
        label={text.password}
        error={errors.password?.message}
        labelAction={
          <Link href="/forgot-password" className="text-sm font-medium text-link hover:underline focus-visible:outline-2 focus-visible:outline-ring">
            {text.login.forgot}
          </Link>
        }
      >
        <PasswordInput autoComplete="current-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.register("password")} />
      </FormField>
      <Button type="submit" size="lg" pending={isSubmitting} className="mt-1 w-full">
        {text.login.submit}
      </Button>
    </form>
  );
}

function TwoFactorStep({
  text,
  submit,
  onBack,
  onExpired,
}: {
  text: AuthText;
  submit: (code: string) => Promise<SignInResult>;
  onBack: () => void;
  onExpired: (message: string) => void;
}) {
  const [backup, setBackup] = useState(false);
  const form = useForm<CodeValues>({ defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;
  const pattern = backup ? /^\d{4}-?\d{4}$/ : /^\d{6}$/;
  const onSubmit = form.handleSubmit(async ({ code }) => {
    const result = await submit(code.replace(/\s/g, ""));
    if (result.ok) return;
    if (result.error === "TWO_FACTOR_CHALLENGE_EXPIRED" || result.error === "INVALID_OR_EXPIRED_TOKEN") {
      onExpired(text.twoFactor.expired);
      return;
    }
    form.setError("code", { type: "server", message: result.message }, { shouldFocus: true });
    form.setValue("code", "");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-labelledby="two-factor-title">
      <div className="grid gap-1.5">
        <h2 id="two-factor-title" className="text-base font-semibold">
          {text.twoFactor.title}
        </h2>
        <p className="text-sm text-muted-foreground">{backup ? text.twoFactor.backupDescription : text.twoFactor.description}</p>
      </div>
      <FormField key={backup ? "backup" : "totp"} label={backup ? text.twoFactor.backupCode : text.twoFactor.code} error={errors.code?.message}>
        <Input
          autoComplete="one-time-code"
          inputMode="numeric"
          // The step replaces the password form in place: focus lands on the code field.
          autoFocus
          maxLength={backup ? 9 : 6}
          className="font-mono tracking-[0.3em]"
          {...form.register("code", {
            required: text.twoFactor.code,
            setValueAs: (v: string) => v.replace(/\s/g, ""),
            pattern: { value: pattern, message: backup ? text.twoFactor.backupDescription : text.twoFactor.description },
          })}
        />
      </FormField>
      <Button type="submit" size="lg" pending={isSubmitting} className="w-full">
        {text.twoFactor.submit}
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Button variant="link" size="sm" onClick={onBack} className="gap-1">
          <ArrowLeft className="size-4" aria-hidden="true" />
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
