"use client";

import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

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
  const sudo = useSudo();
  const form = useLazyForm<Values>(
    {
      defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
      schema: () => import("@/lib/validation/auth").then((m) => m.changePasswordSchema),
      locale,
      fallbackMessage: text.failed,
      refine: (values) => (values.confirmPassword !== values.newPassword ? { confirmPassword: text.passwordMismatch } : {}),
      watch: ["newPassword"],
    },
    async ({ currentPassword, newPassword }, rhf) => {
      const result = await sudo(() => action({ currentPassword, newPassword }), "password");
      if (result.ok) {
        rhf.reset();
        toast.success(text.passwordChanged);
        return;
      }
      if (result.error === "INVALID_PASSWORD") {
        rhf.setError("currentPassword", { type: "server", message: result.message }, { shouldFocus: true });
        return;
      }
      if (!applyFieldErrors(result.fieldErrors, rhf.setError, FIELDS)) toast.error(result.message);
    },
  );
  const { errors } = form;

  const passwordLabels = { showLabel: text.showPassword, hideLabel: text.hidePassword };
  return (
    <form {...form.formProps} className="grid max-w-md gap-5" aria-label={text.passwordTitle}>
      {form.slot}
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={userInputs[0] ?? ""} readOnly hidden />
      <FormField label={text.currentPassword} error={errors.currentPassword}>
        <PasswordInput autoComplete="current-password" {...passwordLabels} {...form.field("currentPassword")} />
      </FormField>
      <div className="grid gap-2">
        <FormField label={text.newPassword} description={text.passwordDescription} error={errors.newPassword}>
          <PasswordInput autoComplete="new-password" {...passwordLabels} {...form.field("newPassword")} />
        </FormField>
        <PasswordStrengthMeter password={form.watched.newPassword ?? ""} userInputs={userInputs} labels={text.strength} />
      </div>
      <FormField label={text.confirmPassword} error={errors.confirmPassword}>
        <PasswordInput autoComplete="new-password" {...passwordLabels} {...form.field("confirmPassword")} />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.isSubmitting}>
          {form.isSubmitting ? text.passwordPending : text.passwordSubmit}
        </Button>
        <p className="text-sm text-muted-foreground">{text.passwordOtherSessionsNote}</p>
      </div>
    </form>
  );
}
