"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { BackupCodes } from "./backup-codes";
import { CopyButton } from "./copy-button";
import type { TwoFactorSetupView } from "./two-factor-panel";
import { useSudo } from "@/components/settings/sudo/sudo-provider";

/**
 * The set-up of 2FA once started: the QR code, the secret as text, the backup codes, and the
 * code that switches it on. Loaded when "Enable" is pressed (two-factor-panel.tsx).
 */
export default function TwoFactorSetup({
  setup,
  appName,
  text,
  confirmAction,
  onCancel,
}: {
  setup: TwoFactorSetupView;
  appName: string;
  text: SettingsSecurityText;
  confirmAction: (input: { code: string }) => Promise<ActionResult>;
  onCancel: () => void;
}) {
  const router = useRouter();
  const sudo = useSudo();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/[\s-]/g, ""))) {
      setCodeError(text.twoFactorCodeHint);
      return;
    }
    setConfirming(true);
    setCodeError(undefined);
    try {
      const result = await sudo(() => confirmAction({ code }), "twoFactor");
      if (result.ok) {
        onCancel();
        toast.success(text.twoFactorEnabledToast);
        router.refresh();
      } else {
        setCodeError(result.fieldErrors?.code ?? result.message);
      }
    } finally {
      setConfirming(false);
    }
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
          <Button variant="ghost" onClick={onCancel} disabled={confirming}>
            {text.twoFactorCancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
