import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { actionClientInfo } from "@/lib/actions/client-info";
import { requireUser } from "@/lib/auth/require-user";
import { prisma } from "@/lib/db/client";
import { getLocale } from "@/lib/auth/locale";
import { commonText } from "@/lib/i18n/ui/common";
import { oauthConsentText } from "@/lib/i18n/ui/oauth-consent";
import { approveInteraction, coveringGrantId, findInteraction, interactionClientId, requestedScopes } from "@/lib/oidc/interaction";
import { consentPath } from "@/lib/oidc/provider";
import { allowConsentAction, denyConsentAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: oauthConsentText[await getLocale()].metaTitle };
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/**
 * Where a third-party app's authorization request lands (oidc-provider's interaction URL).
 * The portal session says who is signed in (a signed-out visitor signs in and comes back);
 * the request must have been started in this browser. A grant that already covers the
 * requested scopes is reused without asking again; otherwise the user allows or denies.
 */
export default async function ConsentPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const { user } = await requireUser({ callbackUrl: consentPath(uid) });
  const locale = await getLocale();
  const text = oauthConsentText[locale];
  const interaction = await findInteraction(uid, (await cookies()).toString());
  const app = interaction ? await prisma.oAuthApp.findUnique({ where: { clientId: interactionClientId(interaction) } }) : null;
  if (!interaction || !app) {
    return (
      <AuthCard title={text.expiredTitle}>
        <Alert tone="error">{text.expired}</Alert>
      </AuthCard>
    );
  }

  const scopes = requestedScopes(interaction);
  // `prompt=consent` asks for the screen even when a grant already covers the scopes.
  const promptConsent = typeof interaction.params.prompt === "string" && interaction.params.prompt.split(" ").includes("consent");
  const existing = promptConsent ? null : await coveringGrantId({ userId: user.id, clientId: app.clientId, scopes });
  if (existing) redirect(await approveInteraction(interaction, { userId: user.id, grantId: existing, client: await actionClientInfo() }));

  const product = commonText[locale].productName;
  const redirectUri = typeof interaction.params.redirect_uri === "string" ? interaction.params.redirect_uri : "";
  const host = URL.canParse(redirectUri) ? new URL(redirectUri).host : redirectUri;
  return (
    <AuthCard
      title={fill(text.title, { app: app.name })}
      description={fill(text.signedInAs, { email: user.email })}
      footer={text.revokeHint}
    >
      {app.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- an app's logo from any host, shown as is
        <img src={app.logoUrl} alt={fill(text.logoAlt, { app: app.name })} className="size-14 rounded-lg border border-border object-contain" />
      ) : null}
      <div className="grid gap-2">
        <p className="text-sm">{text.intro}</p>
        <ul className="grid list-disc gap-1 pl-5 text-sm" data-testid="consent-scopes">
          {scopes.map((scope) => (
            <li key={scope}>{fill(text.scopes[scope] ?? scope, { product })}</li>
          ))}
        </ul>
      </div>
      {host ? <p className="text-sm text-muted-foreground">{fill(text.redirectNotice, { host })}</p> : null}
      <div className="flex gap-3">
        <form action={denyConsentAction.bind(null, uid)} className="flex-1">
          <Button type="submit" variant="outline" className="w-full">
            {text.deny}
          </Button>
        </form>
        <form action={allowConsentAction.bind(null, uid)} className="flex-1">
          <Button type="submit" className="w-full">
            {text.allow}
          </Button>
        </form>
      </div>
    </AuthCard>
  );
}
