"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

export type ConfirmOutcome = { ok: true } | { ok: false; message: string };

export type ConfirmInput = {
  label: string;
  kind: "password" | "code";
  description?: string;
  autoComplete?: string;
  /** The show/hide toggle's names, in the page's language. */
  showLabel?: string;
  hideLabel?: string;
};

export type ConfirmDialogProps = {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  confirmVariant?: ButtonVariant;
  input?: ConfirmInput;
  onConfirm: (value: string) => Promise<ConfirmOutcome>;
};

// The dialog's code is fetched when it is first wanted (pointer over or focus on the
// trigger), not with the page.
const loadBody = () => import("./confirm-dialog-body");
const ConfirmDialogBody = lazy(loadBody);
const preload = () => void loadBody().catch(() => {});

/**
 * A destructive or sensitive action behind a confirmation (role=alertdialog). It stays open
 * while the action runs and shows a refusal on its field (e.g. a wrong password), so nothing
 * typed is lost; it closes only on success.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "outline",
  triggerSize = "md",
  triggerLabel,
  ...dialog
}: ConfirmDialogProps & {
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  /** Accessible name of the trigger when its text alone is ambiguous in a list. */
  triggerLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={triggerVariant}
        size={triggerSize}
        aria-label={triggerLabel}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
      >
        {trigger}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ConfirmDialogBody {...dialog} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
