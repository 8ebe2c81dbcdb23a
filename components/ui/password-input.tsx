"use client";

import { useState, type ComponentProps } from "react";
import { cn } from "./cn";
import { EyeIcon } from "@/components/icons/eye";
import { EyeOffIcon } from "@/components/icons/eye-off";
import { inputClasses } from "./input";

/** A password input with a show/hide toggle that is a real, labelled button. */
export function PasswordInput({
  className,
  showLabel = "Afficher le mot de passe",
  hideLabel = "Masquer le mot de passe",
  ref,
  ...props
}: Omit<ComponentProps<"input">, "type"> & { showLabel?: string; hideLabel?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <input ref={ref} type={visible ? "text" : "password"} className={cn(inputClasses, "pr-11", className)} {...props} />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        aria-label={visible ? hideLabel : showLabel}
        aria-pressed={visible}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {visible ? <EyeOffIcon className="size-4" /> : <EyeIcon className="size-4" />}
      </button>
    </div>
  );
}
