"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { fill } from "@/components/settings/format";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import { SecretReveal } from "./secret-reveal";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

type Values = { name: string; redirectUris: string; logoUrl: string; kind: "confidential" | "public" };
const FIELDS = ["name", "redirectUris", "logoUrl"] as const;
/** Service refusals that concern one field: shown under it rather than in a toast. */
const FIELD_OF_ERROR: Partial<Record<string, (typeof FIELDS)[number]>> = {
  INVALID_REDIRECT_URI: "redirectUris",
  TOO_MANY_REDIRECT_URIS: "redirectUris",
  INVALID_LOGO_URL: "logoUrl",
};

export type CreateOAuthApp = (input: { name: string; redirectUris: string; logoUrl: string; confidential: boolean }) => Promise<ActionResult<{ clientId: string; clientSecret: string | null }>>;
export type UpdateOAuthApp = (input: { appId: string; name: string; redirectUris: string; logoUrl: string }) => Promise<ActionResult>;

/**
 * Registers an app (name, redirect URIs one per line, logo address, confidential or public)
 * or edits one (the type is fixed once registered). A new confidential app's secret is shown
 * here once. Checked in the browser with the server's schema; the service's refusals of a
 * redirect URI or logo land on their field.
 */
export function OAuthAppForm({
  text,
  locale,
  mode,
  onDone,
}: {
  text: DeveloperText;
  locale: Locale;
  mode: { kind: "create"; action: CreateOAuthApp } | { kind: "edit"; action: UpdateOAuthApp; app: { id: string; name: string; redirectUris: string[]; logoUrl: string | null } };
  onDone?: () => void;
}) {
  const router = useRouter();
  const sudo = useSudo();
  const kindId = useId();
  const [secret, setSecret] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const editing = mode.kind === "edit" ? mode.app : null;
  const defaults: Values = {
    name: editing?.name ?? "",
    redirectUris: editing?.redirectUris.join("\n") ?? "",
    logoUrl: editing?.logoUrl ?? "",
    kind: "confidential",
  };
  const form = useLazyForm<Values>(
    {
      defaultValues: defaults,
      schema: () => import("@/lib/validation/developer").then((m) => m.oauthAppCreateSchema.omit({ confidential: true })),
      locale,
      fallbackMessage: text.failed,
    },
    async (values, rhf) => {
      const input = { name: values.name, redirectUris: values.redirectUris, logoUrl: values.logoUrl };
      const refused = (result: ActionFailure) => {
        const field = FIELD_OF_ERROR[result.error];
        if (field) rhf.setError(field, { type: "server", message: result.message }, { shouldFocus: true });
        else if (!applyFieldErrors(result.fieldErrors, rhf.setError, FIELDS)) toast.error(result.message);
      };
      if (mode.kind === "edit") {
        const result = await sudo(() => mode.action({ ...input, appId: mode.app.id }), "oauthApp");
        if (!result.ok) return refused(result);
        toast.success(text.saved);
        router.refresh();
        onDone?.();
        return;
      }
      const result = await sudo(() => mode.action({ ...input, confidential: values.kind === "confidential" }), "oauthApp");
      if (!result.ok) return refused(result);
      toast.success(fill(text.created, { name: values.name.trim() }));
      rhf.reset(defaults);
      router.refresh();
      if (result.clientSecret) setSecret({ clientId: result.clientId, clientSecret: result.clientSecret });
      else onDone?.();
    },
  );
  const { errors, isSubmitting } = form;

  if (secret) {
    return (
      <div className="grid gap-3">
        <p className="text-sm">
          {text.clientId} : <code className="font-mono break-all" data-testid="new-app-client-id">{secret.clientId}</code>
        </p>
        <SecretReveal
          title={text.secretTitle}
          value={secret.clientSecret}
          warning={text.secretWarning}
          doneLabel={text.secretDone}
          labels={text}
          testId="client-secret"
          onDone={() => {
            setSecret(null);
            onDone?.();
          }}
        />
      </div>
    );
  }

  return (
    <form {...form.formProps} className="grid max-w-xl gap-5" aria-label={editing ? fill(text.editLabel, { name: editing.name }) : text.appsNew}>
      {form.slot}
      <FormField label={text.appName} description={text.appNameDescription} error={errors.name}>
        <Input autoComplete="off" maxLength={80} {...form.field("name")} />
      </FormField>
      <FormField label={text.redirectUris} description={text.redirectUrisDescription} error={errors.redirectUris}>
        <Textarea rows={3} spellCheck={false} autoCapitalize="off" className="font-mono" placeholder="https://app.example.com/callback" {...form.field("redirectUris")} />
      </FormField>
      <FormField label={text.logoUrl} description={text.logoUrlDescription} error={errors.logoUrl}>
        <Input type="url" inputMode="url" autoComplete="off" placeholder="https://app.example.com/logo.png" {...form.field("logoUrl")} />
      </FormField>
      {editing ? null : (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">{text.appType}</legend>
          {(["confidential", "public"] as const).map((kind) => (
            <div key={kind} className="flex items-start gap-3">
              <input
                type="radio"
                id={`${kindId}-${kind}`}
                aria-describedby={`${kindId}-${kind}-description`}
                className="mt-0.5 size-4 accent-primary"
                {...form.choice("kind", kind)}
              />
              <div className="grid gap-0.5">
                <label htmlFor={`${kindId}-${kind}`} className="text-sm font-medium">
                  {kind === "confidential" ? text.confidential : text.public}
                </label>
                <p id={`${kindId}-${kind}-description`} className="text-sm text-muted-foreground">
                  {kind === "confidential" ? text.confidentialDescription : text.publicDescription}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting}>
          {editing ? (isSubmitting ? text.saving : text.save) : isSubmitting ? text.creating : text.create}
        </Button>
        {editing ? (
          <Button variant="outline" onClick={onDone} disabled={isSubmitting}>
            {text.cancel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
