"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { applyFieldErrors, lazySchemaResolver } from "./form-resolver";
import { fill } from "./format";

export type ProfileFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  company: string;
  phone: string;
  location: string;
  bio: string;
};

const FIELDS = ["firstName", "lastName", "email", "jobTitle", "company", "phone", "location", "bio"] as const;

/**
 * The profile's fields, checked in the browser with the API's own schema and saved by a
 * server action. A refused save keeps everything typed and points at the field to fix.
 */
export function ProfileForm({
  initial,
  locale,
  text,
  action,
}: {
  initial: ProfileFormValues;
  locale: Locale;
  text: SettingsProfileText;
  action: (input: ProfileFormValues) => Promise<ActionResult<{ emailChangeRequested: boolean; pendingEmail: string | null }>>;
}) {
  const router = useRouter();
  const [resolver] = useState(() =>
    lazySchemaResolver<ProfileFormValues>(() => import("@/app/settings/profile/schema").then((m) => m.profileSettingsSchema), locale, text.failed),
  );
  const form = useForm<ProfileFormValues>({ resolver, defaultValues: initial });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    if (!isDirty) {
      toast.info(text.noChanges);
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      if (applyFieldErrors(result.fieldErrors, form.setError, FIELDS)) toast.error(text.fixErrors);
      else if (result.error === "EMAIL_ALREADY_EXISTS") form.setError("email", { type: "server", message: result.message }, { shouldFocus: true });
      else toast.error(result.message);
      return;
    }
    // The sign-in address changes only once the link is used: keep showing the current one.
    form.reset({ ...values, email: initial.email });
    toast.success(text.saved, result.pendingEmail ? { description: fill(text.emailChangeSent, { email: result.pendingEmail }) } : undefined);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label={text.detailsTitle}>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.firstName} error={errors.firstName?.message}>
          <Input autoComplete="given-name" {...form.register("firstName")} />
        </FormField>
        <FormField label={text.lastName} error={errors.lastName?.message}>
          <Input autoComplete="family-name" {...form.register("lastName")} />
        </FormField>
      </div>
      <FormField label={text.email} description={text.emailHint} error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.jobTitle} error={errors.jobTitle?.message}>
          <Input autoComplete="organization-title" {...form.register("jobTitle")} />
        </FormField>
        <FormField label={text.company} error={errors.company?.message}>
          <Input autoComplete="organization" {...form.register("company")} />
        </FormField>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.phone} description={text.phoneHint} error={errors.phone?.message}>
          <Input type="tel" autoComplete="tel" {...form.register("phone")} />
        </FormField>
        <FormField label={text.location} error={errors.location?.message}>
          <Input autoComplete="address-level2" {...form.register("location")} />
        </FormField>
      </div>
      <FormField label={text.bio} description={text.bioHint} error={errors.bio?.message}>
        <Textarea rows={4} {...form.register("bio")} />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
