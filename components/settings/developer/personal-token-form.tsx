"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { fill } from "@/components/settings/format";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, inputClasses } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import type { PersonalTokenExpiryChoice, PersonalTokenScope } from "@/lib/validation/developer";
import { SecretReveal } from "./secret-reveal";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

type Values = { name: string; scopes: PersonalTokenScope[]; expiry: PersonalTokenExpiryChoice };
const FIELDS = ["name", "scopes", "expiry"] as const;
// Mirrors PERSONAL_TOKEN_SCOPES and PERSONAL_TOKEN_EXPIRY_CHOICES (typed against them) without loading the schemas module.
const SCOPES: PersonalTokenScope[] = ["profile", "email"];
const EXPIRIES: PersonalTokenExpiryChoice[] = ["7", "30", "90", "365", "never"];

/**
 * Creates a personal access token: a name, rights as checkboxes explained in plain words,
 * a lifetime. The token is then shown here once, with a copy button.
 */
export function PersonalTokenForm({
  text,
  locale,
  action,
}: {
  text: DeveloperText;
  locale: Locale;
  action: (input: Values) => Promise<ActionResult<{ token: string }>>;
}) {
  const router = useRouter();
  const sudo = useSudo();
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const form = useLazyForm<Values>(
    {
      defaultValues: { name: "", scopes: ["profile"], expiry: "30" },
      schema: () => import("@/lib/validation/developer").then((m) => m.personalTokenCreateSchema),
      locale,
      fallbackMessage: text.failed,
    },
    async (values, rhf) => {
      const result = await sudo(() => action(values), "personalToken");
      if (!result.ok) {
        if (!applyFieldErrors(result.fieldErrors, rhf.setError, FIELDS)) toast.error(result.message);
        return;
      }
      toast.success(fill(text.tokenCreated, { name: values.name.trim() }));
      rhf.reset();
      setToken(result.token);
      router.refresh();
    },
  );
  const { errors, isSubmitting } = form;

  const scopeText = { profile: [text.scopeProfile, text.scopeProfileDescription], email: [text.scopeEmail, text.scopeEmailDescription] } as const;
  const expiryText: Record<PersonalTokenExpiryChoice, string> = { "7": text.expiry7, "30": text.expiry30, "90": text.expiry90, "365": text.expiry365, never: text.expiryNever };

  return (
    <div className="grid gap-4">
      {token ? (
        <SecretReveal title={text.tokenValueTitle} value={token} warning={text.tokenWarning} doneLabel={text.tokenDone} labels={text} testId="personal-token" onDone={() => setToken(null)} />
      ) : null}
      <form {...form.formProps} className="grid max-w-xl gap-5" aria-label={text.tokensTitle}>
        {form.slot}
        <FormField label={text.tokenName} description={text.tokenNameDescription} error={errors.name}>
          <Input autoComplete="off" maxLength={80} {...form.field("name")} />
        </FormField>
        <fieldset className="grid gap-3" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
          <legend className="mb-2 text-sm font-medium">{text.tokenScopes}</legend>
          {SCOPES.map((scope) => (
            <div key={scope} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={`${id}-${scope}`}
                aria-describedby={`${id}-${scope}-description`}
                className="mt-0.5 size-4 accent-primary"
                {...form.choice("scopes", scope)}
              />
              <div className="grid gap-0.5">
                <label htmlFor={`${id}-${scope}`} className="text-sm font-medium">
                  {scopeText[scope][0]}
                </label>
                <p id={`${id}-${scope}-description`} className="text-sm text-muted-foreground">
                  {scopeText[scope][1]}
                </p>
              </div>
            </div>
          ))}
          {errors.scopes ? (
            <p id={`${id}-scopes-error`} role="alert" className="text-sm font-medium text-destructive-text">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
        <FormField label={text.tokenExpiry} error={errors.expiry} className="max-w-xs">
          <select className={inputClasses} {...form.field("expiry")}>
            {EXPIRIES.map((choice) => (
              <option key={choice} value={choice}>
                {expiryText[choice]}
              </option>
            ))}
          </select>
        </FormField>
        <div>
          <Button type="submit" pending={isSubmitting}>
            {isSubmitting ? text.tokenCreating : text.tokenCreate}
          </Button>
        </div>
      </form>
    </div>
  );
}
