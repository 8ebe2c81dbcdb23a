import type { ComponentProps } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "bg-muted text-foreground border-border",
  success: "bg-success-surface text-success-text border-success-border",
  warning: "bg-warning-surface text-warning-text border-warning-border",
  danger: "bg-destructive-surface text-destructive-text border-destructive-border",
  primary: "bg-primary-surface text-primary-text border-primary-border",
} as const;

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: keyof typeof TONES }) {
  return <span className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium", TONES[tone], className)} {...props} />;
}
