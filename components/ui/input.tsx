import type { ComponentProps } from "react";
import { cn } from "./cn";

export const inputClasses = cn(
  "flex h-10 w-full rounded-md border border-input-border bg-background px-3 py-2 text-sm text-foreground",
  "placeholder:text-muted-foreground file:border-0 file:bg-transparent file:text-sm file:font-medium",
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
  "disabled:cursor-not-allowed disabled:opacity-60",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(inputClasses, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(inputClasses, "h-auto min-h-24", className)} {...props} />;
}
