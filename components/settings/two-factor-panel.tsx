"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { BackupCodes } from "./backup-codes";
import { ConfirmDialog, type ConfirmOutcome } from "./confirm-dialog";
import { CopyButton } from "./copy-button";
import { fill } from "./format";

export type TwoFactorSetupView = { qrCode: string; secret: string; backupCodes: string[] };

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
  const [setup, setSetup] = useState<TwoFactorSetupView | null>(null);
  const [starting, setStarting] = useState(false);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);

  async function start() {
    setStarting(true);
    try {
      const result = await actions.start();
      if (result.ok) setSetup({ qrCode: result.qrCode, secret: result.secret, backupCodes: result.backupCodes });
      else toast.error(result.message);
    } finally {
      setStarting(false);
    }
  }

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/[\s-]/g, ""))) {
      setCodeError(text.twoFactorCodeHint);
      return;
    }
    setConfirming(true);
    setCodeError(undefined);
    try {
      const result = await actions.confirm({ code });
      if (result.ok) {
        setSetup(null);
        setCode("");
        toast.success(text.twoFactorEnabledToast);
        router.refresh();
      } else {
        setCodeError(result.fieldErrors?.code ?? result.message);
      }
    } finally {
      setConfirming(false);
    }
  }

  if (enabled) {
    return (
      <div className="grid gap-5">
        <div className="flex items-start gap-3">
          <ShieldCheck className="mt-0.5 size-5 shrink-0 text-success-text" aria-hidden="true" />
          <div className="grid gap-0.5 text-sm">
            {enabledAtLabel ? <p>{enabledAtLabel}</p> : null}
            <p className="text-muted-foreground">{fill(text.twoFactorBackupLeft, { count: backupCodesRemaining })}</p>
          </div>
        </div>
        {freshCodes ? (
          <div className="grid gap-3">
            <Alert tone="warning" title={text.backupCodesRegenerated}>
              {text.backupCodesShownOnce}
            </Alert>
            <BackupCodes codes={freshCodes} text={text} appName={appName} />
            <div>
              <Button variant="secondary" onClick={() => setFreshCodes(null)}>
                {text.backupCodesDone}
              </Button>
            </div>
          </div>
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
              const result = await actions.regenerate({ code: value });
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
              const result = await actions.disable({ code: value });
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
    <div className="grid gap-6" data-testid="two-factor-setup">
      <div className="grid gap-3">
        <p className="text-sm">{text.twoFactorStep1}</p>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by the server */}
          <img src={setup.qrCode} alt={text.twoFactorQrAlt} width={176} height={176} className="size-44 rounded-lg border border-border bg-white p-1" />
          <div className="grid gap-2">
            <p className="text-sm text-muted-foreground">{text.twoFactorSecretLabel}</p>
            <code data-testid="two-factor-secret" className="rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm break-all">
              {setup.secret}
            </code>
            <div>
              <CopyButton text={setup.secret} label={text.copySecret} copiedMessage={text.secretCopied} failedMessage={text.backupCodesCopyFailed} />
            </div>
          </div>
        </div>
      </div>
      <div className="grid gap-3">
        <p className="text-sm">{text.twoFactorStep2}</p>
        <BackupCodes codes={setup.backupCodes} text={text} appName={appName} />
      </div>
      <form onSubmit={confirm} noValidate className="grid max-w-sm gap-3">
        <p className="text-sm">{text.twoFactorStep3}</p>
        <FormField label={text.twoFactorCode} error={codeError}>
          <Input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="font-mono tracking-widest"
          />
        </FormField>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={confirming}>
            {confirming ? text.twoFactorConfirming : text.twoFactorConfirm}
          </Button>
          <Button variant="ghost" onClick={() => setSetup(null)} disabled={confirming}>
            {text.twoFactorCancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
