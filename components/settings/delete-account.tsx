"use client";

import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { ConfirmDialog } from "./confirm-dialog";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/**
 * Account deletion behind a dialog that asks for the password. On success the server action
 * has already ended the browser session; a full page load to /login drops every cached page.
 */
export function DeleteAccount({ text, action }: { text: SettingsSecurityText; action: (input: { password: string }) => Promise<ActionResult<{ redirectTo: string }>> }) {
  const sudo = useSudo();
  return (
    <ConfirmDialog
      trigger={text.deleteButton}
      triggerVariant="destructive"
      title={text.deleteDialogTitle}
      body={text.deleteDialogBody}
      confirmLabel={text.deleteConfirm}
      pendingLabel={text.deleting}
      cancelLabel={text.cancel}
      input={{ label: text.deletePassword, kind: "password", showLabel: text.showPassword, hideLabel: text.hidePassword }}
      onConfirm={async (password) => {
        const result = await sudo(() => action({ password }), "deleteAccount");
        if (!result.ok) return { ok: false, message: result.fieldErrors?.password ?? result.message };
        window.location.assign(result.redirectTo);
        return { ok: true };
      }}
    />
  );
}
