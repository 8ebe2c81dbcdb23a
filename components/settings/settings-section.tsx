import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/**
 * One block of a settings page: a titled card whose heading labels the region, so screen
 * reader users can jump between sections.
 */
export function SettingsSection({
  id,
  title,
  description,
  action,
  footer,
  tone = "default",
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** Beside the title (a status badge, a secondary button). */
  action?: ReactNode;
  footer?: ReactNode;
  tone?: "default" | "danger";
  children?: ReactNode;
}) {
  const headingId = `${id}-title`;
  return (
    <Card id={id} aria-labelledby={headingId} className={cn("scroll-mt-24", tone === "danger" && "border-destructive-border")}>
      <CardHeader>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="grid gap-1.5">
            <CardTitle id={headingId}>{title}</CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {action ? <div className="shrink-0">{action}</div> : null}
        </div>
      </CardHeader>
      {children ? <CardContent>{children}</CardContent> : null}
      {footer ? <CardFooter className="flex-wrap justify-end">{footer}</CardFooter> : null}
    </Card>
  );
}

/** The top of a settings page: its one h1 and what the page is for. */
export function SettingsPageHeader({ title, description }: { title: string; description: string }) {
  return (
    <header className="grid gap-1">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-muted-foreground">{description}</p>
    </header>
  );
}
