"use client";

import { useActionState } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { SubmitButton } from "@/components/auth/submit-button";
import { CheckCircleIcon } from "@/components/icons/check-circle";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import type { EmailLinkState } from "@/lib/actions/auth-results";

type Link = { href: string; label: string };

/**
 * An emailed link's page: the link itself changes nothing (mail scanners follow links), the
 * button does, and the card then says what happened. A plain form, so it works before the
 * page's JavaScript has loaded too.
 */
export function EmailLinkCard(props: {
  token: string;
  action: (previous: EmailLinkState, form: FormData) => Promise<EmailLinkState>;
  ask: { title: string; description: string; explain?: string; submit: string; variant?: "primary" | "destructive" };
  done: { title: string; body: string; hint?: string; link: Link };
  failed: { title: string; body: string; link: Link };
}) {
  const [state, formAction] = useActionState(props.action, { status: "idle" });

  if (state.status === "done") {
    return (
      <AuthCard title={props.done.title}>
        <p className="flex items-start gap-2 text-sm font-medium" role="status">
          <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-success-text" />
          <span className="break-words [overflow-wrap:anywhere]">{props.done.body.replace("{email}", state.email)}</span>
        </p>
        {props.done.hint ? <p className="text-sm text-muted-foreground">{props.done.hint}</p> : null}
        <a href={props.done.link.href} className={buttonClasses({ size: "lg", className: "w-full" })}>
          {props.done.link.label}
        </a>
      </AuthCard>
    );
  }
  if (state.status === "error") {
    return (
      <AuthCard title={props.failed.title}>
        <Alert tone="error">{state.code === "INVALID_OR_EXPIRED_TOKEN" ? props.failed.body : state.message}</Alert>
        <a href={props.failed.link.href} className={buttonClasses({ size: "lg", className: "w-full" })}>
          {props.failed.link.label}
        </a>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={props.ask.title} description={<span className="break-words [overflow-wrap:anywhere]">{props.ask.description}</span>}>
      {props.ask.explain ? <p className="text-sm text-muted-foreground">{props.ask.explain}</p> : null}
      <form action={formAction}>
        <input type="hidden" name="token" value={props.token} />
        <SubmitButton size="lg" variant={props.ask.variant} className="w-full">
          {props.ask.submit}
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
