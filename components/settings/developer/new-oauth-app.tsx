"use client";

import { PlusIcon } from "@/components/icons/plus";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import { OAuthAppForm, type CreateOAuthApp } from "./oauth-app-form";

/** "Register an app" opens the form in place; it closes once the new secret has been copied. */
export function NewOAuthApp({ text, locale, action, startOpen }: { text: DeveloperText; locale: Locale; action: CreateOAuthApp; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen);
  if (!open) {
    return (
      <Button variant="outline" onClick={() => setOpen(true)}>
        <PlusIcon className="size-4" aria-hidden="true" />
        {text.appsNew}
      </Button>
    );
  }
  return (
    <section aria-labelledby="new-app-title" className="grid gap-4 rounded-lg border border-border p-4">
      <h3 id="new-app-title" className="text-sm font-semibold">
        {text.appsNew}
      </h3>
      <OAuthAppForm text={text} locale={locale} mode={{ kind: "create", action }} onDone={() => setOpen(false)} />
    </section>
  );
}
