"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { BackupCodes } from "./backup-codes";

/** Renewed backup codes, shown once with their warning (loaded when codes are renewed). */
export default function FreshBackupCodes({ codes, text, appName, onDone }: { codes: string[]; text: SettingsSecurityText; appName: string; onDone: () => void }) {
  return (
    <div className="grid gap-3">
      <Alert tone="warning" title={text.backupCodesRegenerated}>
        {text.backupCodesShownOnce}
      </Alert>
      <BackupCodes codes={codes} text={text} appName={appName} />
      <div>
        <Button variant="secondary" onClick={onDone}>
          {text.backupCodesDone}
        </Button>
      </div>
    </div>
  );
}
