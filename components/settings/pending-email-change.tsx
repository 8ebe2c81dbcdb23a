"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { fill } from "./format";

/** The address waiting for its confirmation link, with a button that kills the link. */
export function PendingEmailChange({
  email,
  until,
  text,
  cancel,
}: {
  email: string;
  /** Already formatted by the server. */
  until: string;
  text: Pick<SettingsProfileText, "pendingEmailTitle" | "pendingEmail" | "pendingEmailCancel" | "pendingEmailCancelled">;
  cancel: () => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onCancel = () =>
    startTransition(async () => {
      const result = await cancel();
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(text.pendingEmailCancelled);
      router.refresh();
    });
  return (
    <Alert
      tone="warning"
      className="mb-5"
      title={text.pendingEmailTitle}
      action={
        <Button type="button" variant="outline" size="sm" pending={pending} onClick={onCancel}>
          {text.pendingEmailCancel}
        </Button>
      }
    >
      <span className="break-words [overflow-wrap:anywhere]">{fill(text.pendingEmail, { email, until })}</span>
    </Alert>
  );
}
