"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * An on/off switch: a <button role="switch"> with aria-checked, so it is named by its
 * <label htmlFor>, reached with Tab and toggled with Space or Enter like any button.
 */
export function Switch({
  checked,
  onCheckedChange,
  className,
  ...props
}: Omit<ComponentProps<"button">, "onClick" | "role" | "type"> & { checked: boolean; onCheckedChange: (checked: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => onCheckedChange(!checked)}
      className={cn(
        "group inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent bg-switch-off transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-60 aria-checked:bg-primary",
        className,
      )}
      {...props}
    >
      <span className="pointer-events-none block size-5 translate-x-0 rounded-full bg-white shadow ring-0 transition-transform group-aria-checked:translate-x-5" />
    </button>
  );
}
