import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DeveloperText } from "@/lib/i18n/ui/developer";
import type { PersonalTokenView } from "@/lib/services/personal-tokens/personal-token-view";
import { RevokeTokenButton } from "./revoke-token-button";

/** The service's view of the token, its dates phrased by the server. */
export type PersonalTokenRow = Pick<PersonalTokenView, "id" | "name" | "prefix" | "scopes" | "status"> & { createdLabel: string; lastUsedLabel: string; expiresLabel: string };

const STATUS_TONE = { active: "success", expired: "warning", revoked: "neutral" } as const;

/**
 * The user's tokens as a table (a server component: only the revoke buttons are client
 * code). Scrolls sideways inside its card on a phone.
 */
export function PersonalTokensList({ tokens, text, revoke }: { tokens: PersonalTokenRow[]; text: DeveloperText; revoke: (input: { tokenId: string }) => Promise<ActionResult> }) {
  if (tokens.length === 0) return <p className="text-sm text-muted-foreground">{text.tokensEmpty}</p>;
  const statusText = { active: text.statusActive, expired: text.statusExpired, revoked: text.statusRevoked };
  const scopeText: Record<string, string> = { profile: text.scopeProfileShort, email: text.scopeEmailShort };
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{text.tokensTitle}</caption>
        <thead className="bg-muted/50 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenName}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenPrefix}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenScopes}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenCreatedAt}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenLastUsed}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenExpires}</th>
            <th scope="col" className="px-3 py-2 font-medium">{text.tokenStatus}</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">{text.revoke}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="personal-token-row" data-status={token.status}>
              <th scope="row" className="px-3 py-2 font-medium">{token.name}</th>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{token.prefix}…</td>
              <td className="px-3 py-2 whitespace-nowrap">{token.scopes.map((scope) => scopeText[scope] ?? scope).join(", ")}</td>
              <td className="px-3 py-2 whitespace-nowrap">{token.createdLabel}</td>
              <td className="px-3 py-2 whitespace-nowrap">{token.lastUsedLabel}</td>
              <td className="px-3 py-2 whitespace-nowrap">{token.expiresLabel}</td>
              <td className="px-3 py-2">
                <Badge tone={STATUS_TONE[token.status]}>{statusText[token.status]}</Badge>
              </td>
              <td className="px-3 py-2 text-right">
                {token.status === "active" ? <RevokeTokenButton tokenId={token.id} name={token.name} text={text} action={revoke} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
