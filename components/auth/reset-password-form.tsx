"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyFieldErrors, lazySchemaResolver } from "@/components/settings/form-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { AuthText } from "@/lib/i18n/ui/auth";
import type { CommonText } from "@/lib/i18n/ui/common";
import { VALIDATION_MESSAGES } from "@/lib/validation/messages";

type Values = { newPassword: string; confirmPassword: string };

/** New password twice, checked with the API's resetPasswordSchema; success goes to /login. */
export function ResetPasswordForm({
  token,
  email,
  text,
  common,
  locale,
  reset,
}: {
  token: string;
  email: string;
  text: AuthText;
  common: CommonText;
  locale: Locale;
  reset: (input: { token: string; newPassword: string }) => Promise<ActionResult>;
}) {
  const [resolver] = useState(() =>
    lazySchemaResolver<Values>(
      () => import("@/lib/validation/auth").then((m) => m.resetPasswordSchema.omit({ token: true })),
      locale,
      common.genericError,
      (values) => (values.confirmPassword !== values.newPassword ? { confirmPassword: VALIDATION_MESSAGES["password.mismatch"][locale] } : {}),
    ),
  );
  const form = useForm<Values>({ resolver, defaultValues: { newPassword: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const password = useWatch({ control: form.control, name: "newPassword" });

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    setFormError(null);
    const result = await reset({ token, newPassword });
    if (result.ok) return;
    if (!applyFieldErrors(result.fieldErrors, form.setError, ["newPassword"])) setFormError(result.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* Lets password managers store the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField label={text.reset.newPassword} description={text.register.passwordHint} error={errors.newPassword?.message}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.register("newPassword")} />
      </FormField>
      <PasswordStrengthMeter password={password} userInputs={[email]} labels={text.register.strength} />
      <FormField label={text.reset.confirmPassword} error={errors.confirmPassword?.message}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.register("confirmPassword")} />
      </FormField>
      <Button type="submit" size="lg" pending={isSubmitting} className="w-full">
        {text.reset.submit}
      </Button>
    </form>
  );
}
