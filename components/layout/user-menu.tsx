"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon } from "@/components/icons/chevron-down";
import { LogOutIcon } from "@/components/icons/log-out";

/**
 * The account button of the settings header: a disclosure (button with aria-expanded and
 * the panel it controls) showing who is signed in and the sign-out button. Escape and a
 * click outside close it, focus returns to the button. Hand-made rather than a positioned
 * menu library: it is on every settings page, and its weight would be too.
 */
export function UserMenu({
  user,
  labels,
  signOut,
}: {
  user: { name: string | null; email: string; image: string | null };
  labels: { userMenu: string; signedInAs: string; signOut: string; signingOut: string };
  signOut: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <Avatar src={user.image} name={user.name} email={user.email} size="sm" />
        {/* The name contains what is shown (WCAG 2.5.3): "Account menu" then the user's name. */}
        <span className="sr-only">{labels.userMenu}</span>
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name || user.email}</span>
        <ChevronDownIcon className={cn("size-4 text-muted-foreground transition-transform", open && "rotate-180")} />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-card p-1 text-card-foreground shadow-lg"
      >
        <p className="px-3 py-2">
          <span className="block text-xs text-muted-foreground">{labels.signedInAs}</span>
          <span className="block truncate text-sm font-medium">{user.email}</span>
        </p>
        <div className="my-1 h-px bg-border" role="none" />
        <button
          type="button"
          disabled={pending}
          aria-busy={pending || undefined}
          onClick={() => startTransition(() => signOut())}
          className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60"
        >
          {pending ? <Spinner /> : <LogOutIcon className="size-4" />}
          {pending ? labels.signingOut : labels.signOut}
        </button>
      </div>
    </div>
  );
}
