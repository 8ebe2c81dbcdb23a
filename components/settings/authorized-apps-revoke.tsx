"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { fill } from "@/components/settings/format";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/** "Revoke access" behind a confirmation: the app's grants and tokens go at once. */
export function AuthorizedAppRevoke({ clientId, name, text, action }: { clientId: string; name: string; text: DeveloperText; action: (input: { clientId: string }) => Promise<ActionResult> }) {
  const router = useRouter();
  const sudo = useSudo();
  const names = { name };
  return (
    <ConfirmDialog
      trigger={text.authorizedRevoke}
      triggerSize="sm"
      triggerLabel={fill(text.authorizedRevokeLabel, names)}
      title={fill(text.authorizedRevokeTitle, names)}
      body={text.authorizedRevokeBody}
      confirmLabel={text.authorizedRevokeConfirm}
      pendingLabel={text.authorizedRevoking}
      cancelLabel={text.cancel}
      onConfirm={async () => {
        const result = await sudo(() => action({ clientId }), "authorizedApp");
        if (!result.ok) return { ok: false, message: result.message };
        toast.success(fill(text.authorizedRevoked, names));
        router.refresh();
        return { ok: true };
      }}
    />
  );
}
