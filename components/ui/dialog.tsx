"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { buttonClasses } from "./button";
import { cn } from "./cn";
import { XIcon } from "@/components/icons/x";

/**
 * A modal dialog on the browser's own <dialog> with showModal(): the rest of the page is
 * inert (focus cannot leave the dialog, nor can assistive technology read behind it),
 * Escape closes it, and focus goes back to what opened it. Named by its title and described
 * by its description (aria-labelledby / aria-describedby).
 *
 * Rendered only while open (the parent mounts it), so its code and markup cost nothing
 * until then. Focus starts on the element marked data-autofocus, else the first control.
 */
export function Dialog({
  titleId,
  descriptionId,
  onClose,
  role = "dialog",
  dismissible = true,
  closeLabel,
  className,
  children,
}: {
  titleId: string;
  descriptionId?: string;
  /** Escape, the close button or (for role=dialog) a click on the backdrop. */
  onClose: () => void;
  /** alertdialog: a confirmation that interrupts; a click outside does not close it. */
  role?: "dialog" | "alertdialog";
  /** False while an action runs: Escape and the close button wait. */
  dismissible?: boolean;
  closeLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const state = useRef({ onClose, dismissible });
  useEffect(() => {
    state.current = { onClose, dismissible };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Browsers return focus on close(); when the dialog is unmounted first, do it here.
      if (opener?.isConnected && !dialog.contains(opener)) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        // Escape: closes through the parent's state, or not at all while an action runs.
        event.preventDefault();
        if (state.current.dismissible) state.current.onClose();
      }}
      onClose={() => {
        // The browser may close it on its own (a repeated Escape): reopen while an action runs.
        if (state.current.dismissible) state.current.onClose();
        else ref.current?.showModal();
      }}
      onClick={(event) => {
        if (role === "dialog" && event.target === ref.current && state.current.dismissible) state.current.onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] open:grid max-w-lg gap-4 rounded-xl border border-border bg-card p-6 text-card-foreground shadow-xl",
        "backdrop:bg-black/60 focus-visible:outline-none",
        className,
      )}
    >
      {children}
      {closeLabel ? (
        <button
          type="button"
          onClick={() => state.current.dismissible && state.current.onClose()}
          className="absolute top-4 right-4 rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          <XIcon className="size-4" />
          <span className="sr-only">{closeLabel}</span>
        </button>
      ) : null}
    </dialog>
  );
}

export function DialogTitle({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <h2 id={id} className={cn("text-lg font-semibold", className)}>
      {children}
    </h2>
  );
}

export function DialogDescription({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={cn("text-sm text-muted-foreground", className)}>
      {children}
    </div>
  );
}

export function DialogFooter({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}>{children}</div>;
}

/** The dialog's Cancel button (outline style). */
export function DialogCancel({ className, ...props }: React.ComponentProps<"button">) {
  return <button type="button" className={buttonClasses({ variant: "outline", className })} {...props} />;
}
