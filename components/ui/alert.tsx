import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  info: { box: "border-info-border bg-info-surface text-foreground", icon: Info },
  success: { box: "border-success-border bg-success-surface text-foreground", icon: CheckCircle2 },
  warning: { box: "border-warning-border bg-warning-surface text-foreground", icon: AlertTriangle },
  error: { box: "border-destructive-border bg-destructive-surface text-foreground", icon: XCircle },
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
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex gap-3 rounded-lg border p-4 text-sm", box, className)} {...props}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="grid flex-1 gap-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="text-foreground/90">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
