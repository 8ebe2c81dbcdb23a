"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { ConfirmDialogProps } from "./confirm-dialog";

/** The open confirmation of <ConfirmDialog> (loaded on demand). */
export default function ConfirmDialogBody({
  title,
  body,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  confirmVariant = "destructive",
  input,
  onConfirm,
  onClose,
}: ConfirmDialogProps & { onClose: () => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const id = useId();

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
      if (outcome.ok) onClose();
      else setError(outcome.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog role="alertdialog" titleId={`${id}-title`} descriptionId={`${id}-description`} onClose={onClose} dismissible={!pending}>
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogDescription id={`${id}-description`}>{body}</DialogDescription>
      <form onSubmit={submit} className="grid gap-4" noValidate>
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
                data-autofocus
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
                data-autofocus
                className="font-mono tracking-widest"
              />
            )}
          </FormField>
        ) : error ? (
          <p role="alert" className="text-sm font-medium text-destructive-text">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <DialogCancel onClick={onClose} disabled={pending} data-autofocus={input ? undefined : true}>
            {cancelLabel}
          </DialogCancel>
          <Button type="submit" variant={confirmVariant} pending={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
