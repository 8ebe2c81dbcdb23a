"use client";

import { useId, useState, type ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/dialog";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";

export type ConfirmOutcome = { ok: true } | { ok: false; message: string };

type ConfirmInput = {
  label: string;
  kind: "password" | "code";
  description?: string;
  autoComplete?: string;
  /** The show/hide toggle's names, in the page's language. */
  showLabel?: string;
  hideLabel?: string;
};

/**
 * A destructive or sensitive action behind a confirmation. It stays open while the action
 * runs and shows a refusal on its field (e.g. a wrong password), so nothing typed is lost;
 * it closes only on success.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "outline",
  triggerSize = "md",
  triggerLabel,
  title,
  body,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  confirmVariant = "destructive",
  input,
  onConfirm,
}: {
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  /** Accessible name of the trigger when its text alone is ambiguous in a list. */
  triggerLabel?: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  confirmVariant?: ButtonVariant;
  input?: ConfirmInput;
  onConfirm: (value: string) => Promise<ConfirmOutcome>;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const formId = useId();

  function change(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) {
      setValue("");
      setError(undefined);
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (input && !value.trim()) {
      setError(input.label);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const outcome = await onConfirm(value.trim());
      if (outcome.ok) {
        setOpen(false);
        setValue("");
      } else {
        setError(outcome.message);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={change}>
      <AlertDialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize} aria-label={triggerLabel}>
          {trigger}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{body}</AlertDialogDescription>
        <form id={formId} onSubmit={submit} className="grid gap-4" noValidate>
          {input ? (
            <FormField label={input.label} description={input.description} error={error}>
              {input.kind === "password" ? (
                <PasswordInput
                  name="password"
                  showLabel={input.showLabel}
                  hideLabel={input.hideLabel}
                  autoComplete={input.autoComplete ?? "current-password"}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                  required
                  autoFocus
                />
              ) : (
                <Input
                  name="code"
                  inputMode="numeric"
                  autoComplete={input.autoComplete ?? "one-time-code"}
                  pattern="[0-9 ]*"
                  maxLength={10}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                  required
                  autoFocus
                  className="font-mono tracking-widest"
                />
              )}
            </FormField>
          ) : error ? (
            <p role="alert" className="text-sm font-medium text-destructive-text">
              {error}
            </p>
          ) : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
            <Button type="submit" variant={confirmVariant} pending={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
