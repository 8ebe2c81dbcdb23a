"use client";

import { useId, useRef, useState } from "react";
import { SocialButtons } from "@/components/auth/social-buttons";
import { ShieldCheckIcon } from "@/components/icons/shield-check";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogCancel, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { sudoText } from "@/lib/i18n/ui/sudo";
import type { SudoDialogProps } from "./sudo-provider";

type Method = "code" | "password";

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" };

/** "10 minutes", "1 minute", "30 secondes": the sudo window in words, plural and spacing by Intl. */
function duration(seconds: number, locale: string): string {
  const minutes = seconds / 60;
  const [value, unit] = Number.isInteger(minutes) ? [minutes, "minute"] : [seconds, "second"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/**
 * "Confirm it's you" (loaded by <SudoProvider> when an action first needs it). The password,
 * or for an account with 2FA a TOTP or backup code (the code first: it is the stronger
 * proof, and the password stays one click away). Focus starts in the field; a wrong proof
 * is announced there and the field keeps focus; Escape or Cancel gives up.
 */
export default function SudoDialog({ locale, email, methods, windowSeconds, reason, reauthenticate, signInAgain, onDone }: SudoDialogProps) {
  const text = sudoText[locale];
  const available: Method[] = [...(methods.code ? ["code" as const] : []), ...(methods.password ? ["password" as const] : [])];
  const [method, setMethod] = useState<Method | undefined>(available[0]);
  const [values, setValues] = useState<Record<Method, string>>({ code: "", password: "" });
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  // Focus stays on the radio group (arrow keys move within it, as in any radio group); the
  // field that replaced the other is the next Tab stop.
  function choose(next: Method) {
    setMethod(next);
    setError(undefined);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!method || pending) return;
    const value = method === "code" ? values.code.trim() : values.password;
    if (!value) {
      setError(method === "code" ? text.codeRequired : text.passwordRequired);
      field.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const result = await reauthenticate(method === "code" ? { code: value } : { password: value });
      if (result.ok) {
        onDone(true);
        return;
      }
      setError(result.fieldErrors?.[method] ?? result.message);
    } catch {
      setError(text.failed);
    } finally {
      setPending(false);
    }
    // The refusal is announced (role=alert); the field keeps the focus, its text selected to retype.
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.select();
    });
  }

  const description = (
    <>
      <p>{text.reasons[reason]}</p>
      <p className="mt-1">{text.description.replace("{duration}", duration(windowSeconds, locale))}</p>
    </>
  );

  return (
    <Dialog titleId={`${id}-title`} descriptionId={`${id}-description`} onClose={() => onDone(false)} dismissible={!pending} closeLabel={text.close}>
      <div className="flex items-start gap-3 pr-6">
        <span className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-foreground" aria-hidden="true">
          <ShieldCheckIcon className="size-5" />
        </span>
        <div className="grid min-w-0 gap-1.5">
          <DialogTitle id={`${id}-title`}>{text.title}</DialogTitle>
          <DialogDescription id={`${id}-description`}>{description}</DialogDescription>
        </div>
      </div>

      <p className="rounded-md border border-border bg-muted px-3 py-2 text-sm">
        <span className="text-muted-foreground">{text.signedInAs} </span>
        <strong className="font-medium [overflow-wrap:anywhere]" data-testid="sudo-email">
          {email}
        </strong>
      </p>

      {method ? (
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {/* Lets a password manager offer this account's password. */}
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          {available.length > 1 ? (
            <fieldset className="grid gap-2" disabled={pending}>
              <legend className="mb-2 text-sm font-medium">{text.methodLegend}</legend>
              <div className="grid grid-cols-2 gap-1 rounded-lg border border-border bg-muted p-1">
                {available.map((option) => (
                  <label
                    key={option}
                    className={cn(
                      "flex cursor-pointer items-center justify-center rounded-md px-3 py-1.5 text-center text-sm font-medium text-muted-foreground",
                      "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                      option === method && "bg-background text-foreground shadow-sm",
                    )}
                  >
                    <input type="radio" name="method" value={option} checked={option === method} onChange={() => choose(option)} className="sr-only" />
                    {option === "code" ? text.methodCode : text.methodPassword}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}

          {method === "password" ? (
            <FormField key="password" label={text.password} error={error}>
              <PasswordInput
                ref={field}
                name="password"
                autoComplete="current-password"
                showLabel={text.showPassword}
                hideLabel={text.hidePassword}
                value={values.password}
                onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
                readOnly={pending}
                required
                data-autofocus
              />
            </FormField>
          ) : (
            <FormField key="code" label={text.code} description={text.codeHint} error={error}>
              <Input
                ref={field}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 \-]*"
                maxLength={12}
                value={values.code}
                onChange={(e) => setValues((v) => ({ ...v, code: e.target.value }))}
                readOnly={pending}
                required
                data-autofocus
                className="font-mono tracking-widest"
              />
            </FormField>
          )}

          <DialogFooter>
            <DialogCancel onClick={() => onDone(false)} disabled={pending}>
              {text.cancel}
            </DialogCancel>
            <Button type="submit" pending={pending}>
              {pending ? text.confirming : text.confirm}
            </Button>
          </DialogFooter>
        </form>
      ) : (
        <div className="grid gap-4">
          <p className="text-sm">{methods.providers.length ? text.signInAgainBody : text.noMethod}</p>
          {methods.providers.length ? (
            <SocialButtons
              providers={methods.providers.map((provider) => ({ id: provider, name: PROVIDER_NAMES[provider] ?? provider }))}
              label={text.signInAgain}
              callbackUrl={window.location.pathname + window.location.search}
              action={signInAgain}
            />
          ) : null}
          <DialogFooter>
            <DialogCancel onClick={() => onDone(false)} data-autofocus>
              {text.cancel}
            </DialogCancel>
          </DialogFooter>
        </div>
      )}
    </Dialog>
  );
}
