"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { ShieldCheckIcon } from "@/components/icons/shield-check";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import type { TwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { ConfirmDialog, type ConfirmOutcome } from "./confirm-dialog";
import { fill } from "./format";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

// Shown only after an action (set-up started, codes renewed): fetched then, not with the page.
const loadSetup = () => import("./two-factor-setup");
const TwoFactorSetup = lazy(loadSetup);
const loadFreshCodes = () => import("./fresh-backup-codes");
const FreshBackupCodes = lazy(loadFreshCodes);

export type TwoFactorSetupView = Pick<TwoFactorSetup, "qrCode" | "secret" | "backupCodes">;

export type TwoFactorActions = {
  start: () => Promise<ActionResult<TwoFactorSetupView>>;
  confirm: (input: { code: string }) => Promise<ActionResult>;
  disable: (input: { code: string }) => Promise<ActionResult>;
  regenerate: (input: { code: string }) => Promise<ActionResult<{ backupCodes: string[] }>>;
};

function outcome(result: ActionResult<object>): ConfirmOutcome {
  return result.ok ? { ok: true } : { ok: false, message: result.fieldErrors?.code ?? result.message };
}

/**
 * Two-factor set-up and management. Off: one button starts set-up, which shows the QR code,
 * the secret as text and the backup codes, then asks for a code to switch it on. On: renew
 * the backup codes or turn it off, each confirmed with a current code.
 */
export function TwoFactorPanel({
  enabled,
  enabledAtLabel,
  backupCodesRemaining,
  appName,
  text,
  actions,
}: {
  enabled: boolean;
  enabledAtLabel: string | null;
  backupCodesRemaining: number;
  appName: string;
  text: SettingsSecurityText;
  actions: TwoFactorActions;
}) {
  const router = useRouter();
  const sudo = useSudo();
  const [setup, setSetup] = useState<TwoFactorSetupView | null>(null);
  const [starting, setStarting] = useState(false);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);

  async function start() {
    setStarting(true);
    // The set-up view's code comes while the server makes the secret.
    loadSetup().catch(() => {});
    try {
      const result = await sudo(() => actions.start(), "twoFactor");
      if (result.ok) setSetup({ qrCode: result.qrCode, secret: result.secret, backupCodes: result.backupCodes });
      else toast.error(result.message);
    } finally {
      setStarting(false);
    }
  }

  if (enabled) {
    return (
      <div className="grid gap-5">
        <div className="flex items-start gap-3">
          <ShieldCheckIcon className="mt-0.5 size-5 shrink-0 text-success-text" />
          <div className="grid gap-0.5 text-sm">
            {enabledAtLabel ? <p>{enabledAtLabel}</p> : null}
            <p className="text-muted-foreground">{fill(text.twoFactorBackupLeft, { count: backupCodesRemaining })}</p>
          </div>
        </div>
        {freshCodes ? (
          <Suspense fallback={null}>
            <FreshBackupCodes codes={freshCodes} text={text} appName={appName} onDone={() => setFreshCodes(null)} />
          </Suspense>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <ConfirmDialog
            trigger={text.backupCodesRegenerate}
            title={text.backupCodesRegenerateTitle}
            body={text.backupCodesRegenerateBody}
            confirmLabel={text.backupCodesRegenerateConfirm}
            pendingLabel={text.backupCodesRegenerating}
            cancelLabel={text.cancel}
            confirmVariant="primary"
            input={{ label: text.twoFactorCode, kind: "code", description: text.twoFactorCodeHint }}
            onConfirm={async (value) => {
              // The view of the new codes comes while the server makes them.
              loadFreshCodes().catch(() => {});
              const result = await sudo(() => actions.regenerate({ code: value }), "backupCodes");
              if (result.ok) {
                setFreshCodes(result.backupCodes);
                toast.success(text.backupCodesRegenerated);
                router.refresh();
              }
              return outcome(result);
            }}
          />
          <ConfirmDialog
            trigger={text.twoFactorDisable}
            triggerVariant="outline"
            title={text.twoFactorDisableTitle}
            body={text.twoFactorDisableBody}
            confirmLabel={text.twoFactorDisableConfirm}
            pendingLabel={text.twoFactorDisabling}
            cancelLabel={text.cancel}
            input={{ label: text.twoFactorCode, kind: "code", description: text.twoFactorCodeHint }}
            onConfirm={async (value) => {
              const result = await sudo(() => actions.disable({ code: value }), "twoFactor");
              if (result.ok) {
                setFreshCodes(null);
                toast.success(text.twoFactorDisabledToast);
                router.refresh();
              }
              return outcome(result);
            }}
          />
        </div>
      </div>
    );
  }

  if (!setup) {
    return (
      <div>
        <Button onClick={start} pending={starting}>
          {starting ? text.twoFactorStarting : text.twoFactorEnable}
        </Button>
      </div>
    );
  }

  return (
    <Suspense fallback={null}>
      <TwoFactorSetup setup={setup} appName={appName} text={text} confirmAction={actions.confirm} onCancel={() => setSetup(null)} />
    </Suspense>
  );
}
