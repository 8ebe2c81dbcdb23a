"use client";

import { useRouter } from "next/navigation";
import { applyFieldErrors } from "@/components/forms/field-errors";
import { useLazyForm } from "@/components/forms/use-lazy-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { fill } from "./format";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

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
  const sudo = useSudo();
  const form = useLazyForm<ProfileFormValues>(
    { defaultValues: initial, schema: () => import("@/lib/validation/profile-settings").then((m) => m.profileSettingsSchema), locale, fallbackMessage: text.failed },
    async (values, rhf) => {
      if (FIELDS.every((name) => values[name] === initial[name])) {
        toast.info(text.noChanges);
        return;
      }
      // A new sign-in email needs a recent re-authentication (sudo mode); the other fields do not.
      const result = await sudo(() => action(values), "email");
      if (!result.ok) {
        if (applyFieldErrors(result.fieldErrors, rhf.setError, FIELDS)) toast.error(text.fixErrors);
        else if (result.error === "EMAIL_ALREADY_EXISTS") rhf.setError("email", { type: "server", message: result.message }, { shouldFocus: true });
        else toast.error(result.message);
        return;
      }
      // The sign-in address changes only once the link is used: keep showing the current one.
      rhf.reset({ ...values, email: initial.email });
      toast.success(text.saved, result.pendingEmail ? { description: fill(text.emailChangeSent, { email: result.pendingEmail }) } : undefined);
      router.refresh();
    },
  );
  const { errors } = form;

  return (
    <form {...form.formProps} className="grid gap-5" aria-label={text.detailsTitle}>
      {form.slot}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.firstName} error={errors.firstName}>
          <Input autoComplete="given-name" {...form.field("firstName")} />
        </FormField>
        <FormField label={text.lastName} error={errors.lastName}>
          <Input autoComplete="family-name" {...form.field("lastName")} />
        </FormField>
      </div>
      <FormField label={text.email} description={text.emailHint} error={errors.email}>
        <Input type="email" autoComplete="email" {...form.field("email")} />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.jobTitle} error={errors.jobTitle}>
          <Input autoComplete="organization-title" {...form.field("jobTitle")} />
        </FormField>
        <FormField label={text.company} error={errors.company}>
          <Input autoComplete="organization" {...form.field("company")} />
        </FormField>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label={text.phone} description={text.phoneHint} error={errors.phone}>
          <Input type="tel" autoComplete="tel" {...form.field("phone")} />
        </FormField>
        <FormField label={text.location} error={errors.location}>
          <Input autoComplete="address-level2" {...form.field("location")} />
        </FormField>
      </div>
      <FormField label={text.bio} description={text.bioHint} error={errors.bio}>
        <Textarea rows={4} {...form.field("bio")} />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" pending={form.isSubmitting}>
          {form.isSubmitting ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
