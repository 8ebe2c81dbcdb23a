"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { fill } from "@/components/settings/format";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/** "Revoke" behind a confirmation; the list is re-rendered by the server afterwards. */
export function RevokeTokenButton({ tokenId, name, text, action }: { tokenId: string; name: string; text: DeveloperText; action: (input: { tokenId: string }) => Promise<ActionResult> }) {
  const router = useRouter();
  const sudo = useSudo();
  return (
    <ConfirmDialog
      trigger={text.revoke}
      triggerSize="sm"
      triggerLabel={fill(text.revokeLabel, { name })}
      title={fill(text.revokeTitle, { name })}
      body={text.revokeBody}
      confirmLabel={text.revokeConfirm}
      pendingLabel={text.revoking}
      cancelLabel={text.cancel}
      onConfirm={async () => {
        const result = await sudo(() => action({ tokenId }), "personalToken");
        if (!result.ok) return { ok: false, message: result.message };
        toast.success(text.revoked);
        router.refresh();
        return { ok: true };
      }}
    />
  );
}
