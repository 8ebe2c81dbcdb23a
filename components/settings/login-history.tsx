import { CheckCircleIcon } from "@/components/icons/check-circle";
import { XCircleIcon } from "@/components/icons/x-circle";
import type { Locale } from "@/lib/i18n/locale";
import type { SettingsSecurityText } from "@/lib/i18n/ui/settings-security";
import type { LoginHistoryEntry } from "@/lib/services/login-events/list-login-history";
import { LocalTime } from "./local-time";

/** A sign-in attempt as the table shows it: the service's entry, its date as ISO 8601. */
export type LoginEventView = Pick<LoginHistoryEntry, "id" | "location" | "method" | "success"> & { at: string; device: LoginHistoryEntry["deviceLabel"] };

/** Recent sign-in attempts as a table (a list on phones), newest first. Server-rendered. */
export function LoginHistory({ events, locale, text }: { events: LoginEventView[]; locale: Locale; text: SettingsSecurityText }) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">{text.historyEmpty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{text.historyTitle}</caption>
        <thead className="bg-muted text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              {text.historyDate}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {text.historyDevice}
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
              {text.historyLocation}
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">
              {text.historyMethod}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {text.historyStatus}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {events.map((event) => (
            <tr key={event.id} data-testid="login-event">
              <td className="px-4 py-2 whitespace-nowrap">
                <LocalTime value={event.at} locale={locale} />
              </td>
              <td className="px-4 py-2">{event.device ?? text.sessionsUnknownDevice}</td>
              <td className="hidden px-4 py-2 sm:table-cell">{event.location ?? text.sessionsUnknownLocation}</td>
              <td className="hidden px-4 py-2 md:table-cell">{text.historyMethods[event.method] ?? event.method}</td>
              <td className="px-4 py-2">
                {event.success ? (
                  <span className="inline-flex items-center gap-1.5 text-success-text">
                    <CheckCircleIcon className="size-4" />
                    {text.historySuccess}
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1.5 text-destructive-text">
                    <XCircleIcon className="size-4" />
                    {text.historyFailed}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
