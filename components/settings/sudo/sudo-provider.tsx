"use client";

import { createContext, lazy, Suspense, use, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SudoReason } from "@/lib/i18n/ui/sudo";
import type { ReauthMethods } from "@/lib/services/auth/get-reauth-methods";
import type { ReauthenticateInput } from "@/lib/validation/reauthenticate";

/**
 * Runs a sensitive server action; when it answers REAUTH_REQUIRED, asks the user to confirm
 * who they are, then runs it again and answers that second result. Cancelled: the first
 * failure, for the form to show as it shows any other.
 */
export type Sudo = <R extends ActionResult<object>>(run: () => Promise<R>, reason?: SudoReason) => Promise<R>;

export type SudoDialogProps = {
  locale: Locale;
  email: string;
  methods: ReauthMethods;
  /** The sudo window (REAUTH_WINDOW_SECONDS), said in the dialog. */
  windowSeconds: number;
  reason: SudoReason;
  reauthenticate: (input: ReauthenticateInput) => Promise<ActionResult>;
  signInAgain: (provider: string, callbackUrl: string | undefined) => Promise<void>;
  /** true once the session is re-authenticated, false when the user gave up. */
  onDone: (confirmed: boolean) => void;
};

const passThrough: Sudo = (run) => run();
const SudoContext = createContext<Sudo>(passThrough);

// The dialog (its form, texts in both languages, the UI kit's dialog) is fetched only when
// an action first answers REAUTH_REQUIRED: it costs the settings pages nothing up front.
// If it cannot be fetched (offline), the action's own refusal is shown instead.
const SudoDialog = lazy((): Promise<{ default: React.ComponentType<SudoDialogProps> }> => import("./sudo-dialog").catch(() => ({ default: GiveUp })));

function GiveUp({ onDone }: SudoDialogProps) {
  useEffect(() => onDone(false), [onDone]);
  return null;
}

/**
 * Sudo mode in the browser (GitHub's "confirm access"), around the settings pages: every
 * component that calls a sensitive action wraps the call in `useSudo()`, so the user's
 * action finishes after the "Confirm it's you" dialog without being typed again.
 */
export function SudoProvider({ children, ...dialog }: Omit<SudoDialogProps, "reason" | "onDone"> & { children: ReactNode }) {
  const [reason, setReason] = useState<SudoReason | null>(null);
  // Actions refused while the dialog is open wait for the same answer: one dialog, each re-run after it.
  const pending = useRef<{ answer: Promise<boolean>; settle: (confirmed: boolean) => void } | null>(null);

  const sudo = useCallback<Sudo>(async (run, why = "generic") => {
    // What the user pressed (a form's submit button): it is disabled while the action runs,
    // so the dialog cannot return focus to it on closing; this does, once it is enabled again.
    const opener = document.activeElement;
    const first = await run();
    const outcome: ActionResult<object> = first;
    if (outcome.ok || outcome.error !== "REAUTH_REQUIRED") return first;
    if (!pending.current) {
      let settle: (confirmed: boolean) => void = () => {};
      const answer = new Promise<boolean>((resolve) => (settle = resolve));
      pending.current = { answer, settle };
      setReason(why);
    }
    const confirmed = await pending.current.answer;
    const result = confirmed ? await run() : first;
    if (opener instanceof HTMLElement) restoreFocus(opener);
    return result;
  }, []);

  const done = useCallback((confirmed: boolean) => {
    pending.current?.settle(confirmed);
    pending.current = null;
    setReason(null);
  }, []);

  return (
    <SudoContext value={sudo}>
      {children}
      {reason ? (
        <Suspense fallback={null}>
          <SudoDialog {...dialog} reason={reason} onDone={done} />
        </Suspense>
      ) : null}
    </SudoContext>
  );
}

/** Focuses `element` once it is enabled again, unless focus has gone somewhere meaningful meanwhile. */
function restoreFocus(element: HTMLElement, frames = 60) {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (!element.isConnected || (active && active !== document.body && active !== element)) return;
    if (element.matches(":disabled")) {
      if (frames > 0) restoreFocus(element, frames - 1);
    } else element.focus();
  });
}

/** The `sudo(() => action(input), reason)` of the settings pages; outside a SudoProvider it just runs the action. */
export function useSudo(): Sudo {
  return use(SudoContext);
}
