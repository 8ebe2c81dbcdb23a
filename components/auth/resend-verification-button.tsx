"use client";

import { useTransition } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";

/** Sends a fresh verification link and says so in a toast (announced politely). */
export function ResendVerificationButton({
  resend,
  labels,
  ...props
}: Omit<ButtonProps, "onClick" | "pending"> & { resend: () => Promise<ActionResult>; labels: { resend: string; resent: string } }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      {...props}
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await resend();
          if (result.ok) toast.success(labels.resent);
          else toast.error(result.message);
        })
      }
    >
      {labels.resend}
    </Button>
  );
}
