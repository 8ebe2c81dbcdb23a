"use client";

import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { SignInResult } from "@/app/(auth)/actions";
import { applyFieldErrors, lazySchemaResolver } from "@/components/settings/form-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import type { Locale } from "@/lib/i18n/locale";
import type { AuthText } from "@/lib/i18n/ui/auth";
import type { CommonText } from "@/lib/i18n/ui/common";

type Values = { firstName: string; lastName: string; email: string; password: string };
const FIELDS = ["firstName", "lastName", "email", "password"] as const;

/** Sign-up with the API's registerSchema (password policy and common-password refusal). */
export function RegisterForm({
  text,
  common,
  locale,
  callbackUrl,
  register: registerAccount,
}: {
  text: AuthText;
  common: CommonText;
  locale: Locale;
  callbackUrl?: string;
  register: (input: Values & { callbackUrl?: string }) => Promise<SignInResult>;
}) {
  const [resolver] = useState(() => lazySchemaResolver<Values>(() => import("@/lib/validation/auth").then((m) => m.registerSchema), locale, common.genericError));
  const form = useForm<Values>({ resolver, defaultValues: { firstName: "", lastName: "", email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [checkInbox, setCheckInbox] = useState(false);
  const [password, firstName, lastName, email] = useWatch({ control: form.control, name: ["password", "firstName", "lastName", "email"] });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerAccount({ ...values, callbackUrl });
    if (result.ok) {
      // Reached only when the sign-in that follows did not redirect (verified email required).
      setCheckInbox(true);
      return;
    }
    if (result.error === "EMAIL_ALREADY_EXISTS") {
      form.setError("email", { type: "server", message: result.message }, { shouldFocus: true });
      return;
    }
    if (!applyFieldErrors(result.fieldErrors, form.setError, FIELDS)) setFormError(result.message);
  });

  if (checkInbox) {
    return (
      <Alert tone="success" title={text.forgot.sentTitle}>
        <span className="inline-flex items-center gap-2">
          <MailCheck className="size-4" aria-hidden="true" />
          {text.register.created}
        </span>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={text.register.firstName} error={errors.firstName?.message}>
          <Input autoComplete="given-name" {...form.register("firstName")} />
        </FormField>
        <FormField label={text.register.lastName} error={errors.lastName?.message}>
          <Input autoComplete="family-name" {...form.register("lastName")} />
        </FormField>
      </div>
      <FormField label={text.email} error={errors.email?.message}>
        <Input type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.register("email")} />
      </FormField>
      <FormField label={text.password} description={text.register.passwordHint} error={errors.password?.message}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.register("password")} />
      </FormField>
      <PasswordStrengthMeter password={password} userInputs={[firstName, lastName, email].filter(Boolean)} labels={text.register.strength} />
      <Button type="submit" size="lg" pending={isSubmitting} className="mt-1 w-full">
        {text.register.submit}
      </Button>
    </form>
  );
}
