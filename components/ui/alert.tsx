import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { AlertTriangleIcon } from "@/components/icons/alert-triangle";
import { CheckCircleIcon } from "@/components/icons/check-circle";
import { InfoIcon } from "@/components/icons/info";
import { XCircleIcon } from "@/components/icons/x-circle";

const TONES = {
  info: { box: "border-info-border bg-info-surface text-foreground", icon: InfoIcon },
  success: { box: "border-success-border bg-success-surface text-foreground", icon: CheckCircleIcon },
  warning: { box: "border-warning-border bg-warning-surface text-foreground", icon: AlertTriangleIcon },
  error: { box: "border-destructive-border bg-destructive-surface text-foreground", icon: XCircleIcon },
} as const;

export type AlertTone = keyof typeof TONES;

/**
 * A message in the page. Errors are role=alert (read at once); others role=status (read
 * politely), so a form's outcome is announced without moving focus.
 */
export function Alert({
  tone = "info",
  title,
  children,
  action,
  className,
  ...props
}: Omit<ComponentProps<"div">, "title"> & { tone?: AlertTone; title?: ReactNode; action?: ReactNode }) {
  const { box, icon: Icon } = TONES[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex flex-wrap gap-x-3 gap-y-3 rounded-lg border p-4 text-sm", box, className)} {...props}>
      <Icon className="mt-0.5 size-4 shrink-0" />
      {/* min-w-0 and anywhere-wrapping: a long email address must not widen the page on a phone. */}
      <div className="grid min-w-0 flex-1 basis-48 gap-1 [overflow-wrap:anywhere]">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="text-foreground/90">{children}</div> : null}
      </div>
      {action ? <div className="ml-7 shrink-0 self-center sm:ml-0">{action}</div> : null}
    </div>
  );
}
