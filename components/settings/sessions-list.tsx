"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LaptopIcon } from "@/components/icons/laptop";
import { SmartphoneIcon } from "@/components/icons/smartphone";
import { TerminalIcon } from "@/components/icons/terminal";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import type { Session } from "@/lib/generated/prisma/client";
import { ConfirmDialog } from "./confirm-dialog";
import { fill } from "./format";
import { LocalTime } from "./local-time";

/** A live session as listSessions answers it, its dates as ISO 8601 and phrased by the server ("il y a 5 minutes"). */
export type SessionView = Pick<Session, "id" | "location" | "ipAddress" | "kind"> & {
  device: Session["deviceLabel"];
  createdAt: string;
  lastSeenAt: string;
  lastSeenLabel: string;
  current: boolean;
};

function DeviceIcon({ session }: { session: SessionView }) {
  const Icon = session.kind === "API" ? TerminalIcon : /android|ios|iphone|ipad|mobile/i.test(session.device ?? "") ? SmartphoneIcon : LaptopIcon;
  return <Icon className="size-5 shrink-0 text-muted-foreground" />;
}

/**
 * The caller's live sessions, this device first and marked. Each other one can be signed
 * out; "sign out other sessions" keeps only this one. The list is re-rendered by the server
 * after each change, so it always shows what the database holds.
 */
export function SessionsList({
  sessions,
  locale,
  text,
  actions,
}: {
  sessions: SessionView[];
  locale: Locale;
  text: SettingsSecurityText;
  actions: { revoke: (input: { sessionId: string }) => Promise<ActionResult>; revokeOthers: () => Promise<ActionResult<{ count: number }>> };
}) {
  const router = useRouter();
  const [revoking, setRevoking] = useState<string | null>(null);
  const others = sessions.filter((s) => !s.current).length;

  async function revoke(session: SessionView) {
    setRevoking(session.id);
    try {
      const result = await actions.revoke({ sessionId: session.id });
      if (result.ok) {
        toast.success(text.sessionsRevoked);
        router.refresh();
      } else {
        toast.error(result.message);
      }
    } finally {
      setRevoking(null);
    }
  }

  return (
    <div className="grid gap-4">
      <ul className="divide-y divide-border rounded-lg border border-border" aria-label={text.sessionsTitle}>
        {sessions.map((session) => {
          const device = session.device ?? text.sessionsUnknownDevice;
          return (
            <li key={session.id} data-testid="session-row" data-current={session.current || undefined} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
              <div className="flex flex-1 items-start gap-3">
                <DeviceIcon session={session} />
                <div className="grid min-w-0 gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    <span className="truncate">{device}</span>
                    <Badge tone="neutral">{session.kind === "API" ? text.sessionsApi : text.sessionsBrowser}</Badge>
                    {session.current ? <Badge tone="success">{text.sessionsThisDevice}</Badge> : null}
                  </p>
                  <p className="text-sm text-muted-foreground">
                    {[session.location ?? text.sessionsUnknownLocation, session.ipAddress].filter(Boolean).join(" · ")}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {fill(text.sessionsLastSeen, { date: session.lastSeenLabel })} ·{" "}
                    {text.sessionsSignedIn} <LocalTime value={session.createdAt} locale={locale} />
                  </p>
                </div>
              </div>
              {session.current ? null : (
                <Button
                  variant="outline"
                  size="sm"
                  pending={revoking === session.id}
                  aria-label={fill(text.sessionsRevokeLabel, { device })}
                  onClick={() => revoke(session)}
                >
                  {revoking === session.id ? text.sessionsRevoking : text.sessionsRevoke}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <div>
          <ConfirmDialog
            trigger={text.sessionsRevokeOthers}
            title={text.sessionsRevokeOthersTitle}
            body={text.sessionsRevokeOthersBody}
            confirmLabel={text.sessionsRevokeOthersConfirm}
            pendingLabel={text.sessionsRevoking}
            cancelLabel={text.cancel}
            onConfirm={async () => {
              const result = await actions.revokeOthers();
              if (!result.ok) return { ok: false, message: result.message };
              toast.success(fill(text.sessionsRevokedOthers, { count: result.count }));
              router.refresh();
              return { ok: true };
            }}
          />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{text.sessionsNoOthers}</p>
      )}
    </div>
  );
}
