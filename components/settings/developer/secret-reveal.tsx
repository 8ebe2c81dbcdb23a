"use client";

import { CopyButton } from "@/components/settings/copy-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A secret shown once (client secret, personal token): in a read-only field that selects
 * itself on focus, with a copy button and the warning that it will not be shown again.
 */
export function SecretReveal({
  title,
  value,
  warning,
  doneLabel,
  onDone,
  labels,
  testId,
}: {
  title: string;
  value: string;
  warning: string;
  doneLabel: string;
  onDone: () => void;
  labels: { copy: string; copied: string; copyFailed: string };
  testId?: string;
}) {
  return (
    <Alert tone="warning" title={title} data-testid={testId}>
      <div className="grid gap-3">
        <p>{warning}</p>
        <input
          readOnly
          value={value}
          aria-label={title}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId ? `${testId}-value` : undefined}
          className="w-full rounded-md border border-input-border bg-background px-3 py-2 font-mono text-sm text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        />
        <div className="flex flex-wrap gap-2">
          <CopyButton text={value} label={labels.copy} copiedMessage={labels.copied} failedMessage={labels.copyFailed} />
          <Button variant="ghost" size="sm" onClick={onDone}>
            {doneLabel}
          </Button>
        </div>
      </div>
    </Alert>
  );
}
