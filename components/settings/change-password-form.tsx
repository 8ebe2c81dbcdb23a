"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { applyFieldErrors, lazySchemaResolver } from "./form-resolver";

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/**
 * Current password, new password with a strength meter, and its confirmation. Checked in the
 * browser with the API's schema (policy and common-password list), then by the server action.
 */
export function ChangePasswordForm({
  text,
  locale,
  userInputs,
  action,
}: {
  text: SettingsSecurityText;
  locale: Locale;
  /** Words the strength meter treats as guessable (name, email). */
  userInputs: string[];
  action: (input: { currentPassword: string; newPassword: string }) => Promise<ActionResult>;
}) {
  const [resolver] = useState(() =>
    lazySchemaResolver<Values>(
      () => import("@/lib/validation/auth").then((m) => m.changePasswordSchema),
      locale,
      text.failed,
      (values) => (values.confirmPassword !== values.newPassword ? { confirmPassword: text.passwordMismatch } : {}),
    ),
  );
  const form = useForm<Values>({ resolver, defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: "newPassword" });

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    const result = await action({ currentPassword, newPassword });
    if (result.ok) {
      form.reset();
      toast.success(text.passwordChanged);
      return;
    }
    if (result.error === "INVALID_PASSWORD") {
      form.setError("currentPassword", { type: "server", message: result.message }, { shouldFocus: true });
      return;
    }
    if (!applyFieldErrors(result.fieldErrors, form.setError, FIELDS)) toast.error(result.message);
  });

  const passwordLabels = { showLabel: text.showPassword, hideLabel: text.hidePassword };
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-5" aria-label={text.passwordTitle}>
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={userInputs[0] ?? ""} readOnly hidden />
      <FormField label={text.currentPassword} error={errors.currentPassword?.message}>
        <PasswordInput autoComplete="current-password" {...passwordLabels} {...form.register("currentPassword")} />
      </FormField>
      <div className="grid gap-2">
        <FormField label={text.newPassword} description={text.passwordDescription} error={errors.newPassword?.message}>
          <PasswordInput autoComplete="new-password" {...passwordLabels} {...form.register("newPassword")} />
        </FormField>
        <PasswordStrengthMeter password={newPassword} userInputs={userInputs} labels={text.strength} />
      </div>
      <FormField label={text.confirmPassword} error={errors.confirmPassword?.message}>
        <PasswordInput autoComplete="new-password" {...passwordLabels} {...form.register("confirmPassword")} />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? text.passwordPending : text.passwordSubmit}
        </Button>
        <p className="text-sm text-muted-foreground">{text.passwordOtherSessionsNote}</p>
      </div>
    </form>
  );
}
