"use client";

import { useState } from "react";
import type { SignInResult } from "@/lib/actions/auth-results";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { MailCheckIcon } from "@/components/icons/mail-check";
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
  const [formError, setFormError] = useState<string | null>(null);
  const [checkInbox, setCheckInbox] = useState(false);
  const form = useLazyForm<Values>(
    {
      defaultValues: { firstName: "", lastName: "", email: "", password: "" },
      schema: () => import("@/lib/validation/auth").then((m) => m.registerSchema),
      locale,
      fallbackMessage: common.genericError,
      watch: ["password", "firstName", "lastName", "email"],
    },
    async (values, rhf) => {
      setFormError(null);
      const result = await registerAccount({ ...values, callbackUrl });
      if (result.ok) {
        // Reached only when the sign-in that follows did not redirect (verified email required).
        setCheckInbox(true);
        return;
      }
      if (result.error === "EMAIL_ALREADY_EXISTS") {
        rhf.setError("email", { type: "server", message: result.message }, { shouldFocus: true });
        return;
      }
      if (!applyFieldErrors(result.fieldErrors, rhf.setError, FIELDS)) setFormError(result.message);
    },
  );
  const { errors, watched } = form;

  if (checkInbox) {
    return (
      <Alert tone="success" title={text.forgot.sentTitle}>
        <span className="inline-flex items-center gap-2">
          <MailCheckIcon className="size-4" />
          {text.register.created}
        </span>
      </Alert>
    );
  }

  return (
    <form {...form.formProps} className="grid gap-4">
      {form.slot}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={text.register.firstName} error={errors.firstName}>
          <Input autoComplete="given-name" {...form.field("firstName")} />
        </FormField>
        <FormField label={text.register.lastName} error={errors.lastName}>
          <Input autoComplete="family-name" {...form.field("lastName")} />
        </FormField>
      </div>
      <FormField label={text.email} error={errors.email}>
        <Input type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.field("email")} />
      </FormField>
      <FormField label={text.password} description={text.register.passwordHint} error={errors.password}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.field("password")} />
      </FormField>
      <PasswordStrengthMeter password={watched.password ?? ""} userInputs={[watched.firstName, watched.lastName, watched.email].filter((v): v is string => Boolean(v))} labels={text.register.strength} />
      <Button type="submit" size="lg" pending={form.isSubmitting} className="mt-1 w-full">
        {text.register.submit}
      </Button>
    </form>
  );
}
