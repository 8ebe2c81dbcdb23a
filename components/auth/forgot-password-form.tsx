"use client";

import { useState } from "react";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import { format, type AuthText } from "@/lib/i18n/ui/auth";
import type { CommonText } from "@/lib/i18n/ui/common";

type Values = { email: string };

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm({ text, common, locale, request }: { text: AuthText; common: CommonText; locale: Locale; request: (input: Values) => Promise<ActionResult> }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useLazyForm<Values>(
    { defaultValues: { email: "" }, schema: () => import("@/lib/validation/auth").then((m) => m.emailOnlySchema), locale, fallbackMessage: common.genericError },
    async (values, rhf) => {
      setFormError(null);
      const result = await request(values);
      if (result.ok) {
        setSentTo(values.email.trim().toLowerCase());
        return;
      }
      if (!applyFieldErrors(result.fieldErrors, rhf.setError, ["email"])) setFormError(result.message);
    },
  );

  if (sentTo) {
    return (
      <Alert tone="success" title={text.forgot.sentTitle}>
        {format(text.forgot.sent, { email: sentTo })}
      </Alert>
    );
  }
  return (
    <form {...form.formProps} className="grid gap-4">
      {form.slot}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormField label={text.email} error={form.errors.email}>
        <Input type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.field("email")} />
      </FormField>
      <Button type="submit" size="lg" pending={form.isSubmitting} className="w-full">
        {text.forgot.submit}
      </Button>
    </form>
  );
}
