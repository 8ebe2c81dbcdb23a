"use client";

import { Button } from "@/components/ui/button";
import { DownloadIcon } from "@/components/icons/download";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import { CopyButton } from "./copy-button";

/** The backup codes, shown once: a list to read, a copy button and a .txt download. */
export function BackupCodes({ codes, text, appName }: { codes: string[]; text: SettingsSecurityText; appName: string }) {
  function download() {
    const body = [`${appName} — ${text.backupCodesFileHeader}`, "", ...codes, ""].join("\n");
    const url = URL.createObjectURL(new Blob([body], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "backup-codes.txt";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div className="grid gap-3">
      <ul
        aria-label={text.backupCodesListLabel}
        data-testid="backup-codes"
        className="grid grid-cols-2 gap-2 rounded-lg border border-border bg-muted p-4 font-mono text-sm sm:grid-cols-4"
      >
        {codes.map((code) => (
          <li key={code} className="text-center tracking-wider">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={codes.join("\n")} label={text.backupCodesCopy} copiedMessage={text.backupCodesCopied} failedMessage={text.backupCodesCopyFailed} />
        <Button variant="outline" size="sm" onClick={download}>
          <DownloadIcon className="size-4" />
          {text.backupCodesDownload}
        </Button>
      </div>
    </div>
  );
}
