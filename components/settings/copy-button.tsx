"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/icons/check";
import { CopyIcon } from "@/components/icons/copy";
import { toast } from "@/components/ui/toast";

/** Copies a text to the clipboard and says so (toast for screen readers, tick for the eye). */
export function CopyButton({ text, label, copiedMessage, failedMessage }: { text: string; label: string; copiedMessage: string; failedMessage: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast.success(copiedMessage);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error(failedMessage);
    }
  }
  return (
    <Button variant="outline" size="sm" onClick={copy}>
      {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
      {label}
    </Button>
  );
}
