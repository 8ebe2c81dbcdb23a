"use client";

import { useId, useState } from "react";
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
  action: (input: { currentPassword: string; newPassword: string; revokeTokensAndApps: boolean }) => Promise<ActionResult>;
}) {
  const id = useId();
  // Outside the validated values: a plain opt-in that the schema only passes through.
  const [revokeTokensAndApps, setRevokeTokensAndApps] = useState(false);
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
      const result = await sudo(() => action({ currentPassword, newPassword, revokeTokensAndApps }), "password");
      if (result.ok) {
        rhf.reset();
        setRevokeTokensAndApps(false);
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
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={`${id}-revoke`}
          aria-describedby={`${id}-revoke-description`}
          className="mt-0.5 size-4 accent-primary"
          checked={revokeTokensAndApps}
          onChange={(event) => setRevokeTokensAndApps(event.target.checked)}
        />
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-revoke`} className="text-sm font-medium">
            {text.passwordRevokeTokensAndApps}
          </label>
          <p id={`${id}-revoke-description`} className="text-sm text-muted-foreground">
            {text.passwordRevokeTokensAndAppsHint}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.isSubmitting}>
          {form.isSubmitting ? text.passwordPending : text.passwordSubmit}
        </Button>
        <p className="text-sm text-muted-foreground">{text.passwordOtherSessionsNote}</p>
      </div>
    </form>
  );
}
