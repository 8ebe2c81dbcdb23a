"use client";

import { useState } from "react";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { AuthText } from "@/lib/i18n/ui/auth";
import type { CommonText } from "@/lib/i18n/ui/common";

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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useLazyForm<Values>(
    {
      defaultValues: { newPassword: "", confirmPassword: "" },
      schema: () => import("@/lib/validation/auth").then((m) => m.resetPasswordSchema.omit({ token: true })),
      locale,
      fallbackMessage: common.genericError,
      // A message key, translated like the schema's own.
      refine: (values) => (values.confirmPassword !== values.newPassword ? { confirmPassword: "password.mismatch" } : {}),
      watch: ["newPassword"],
    },
    async ({ newPassword }, rhf) => {
      setFormError(null);
      const result = await reset({ token, newPassword });
      if (result.ok) return;
      if (!applyFieldErrors(result.fieldErrors, rhf.setError, ["newPassword"])) setFormError(result.message);
    },
  );

  return (
    <form {...form.formProps} className="grid gap-4">
      {form.slot}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* Lets password managers store the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField label={text.reset.newPassword} description={text.register.passwordHint} error={form.errors.newPassword}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.field("newPassword")} />
      </FormField>
      <PasswordStrengthMeter password={form.watched.newPassword ?? ""} userInputs={[email]} labels={text.register.strength} />
      <FormField label={text.reset.confirmPassword} error={form.errors.confirmPassword}>
        <PasswordInput autoComplete="new-password" showLabel={common.showPassword} hideLabel={common.hidePassword} {...form.field("confirmPassword")} />
      </FormField>
      <Button type="submit" size="lg" pending={form.isSubmitting} className="w-full">
        {text.reset.submit}
      </Button>
    </form>
  );
}
