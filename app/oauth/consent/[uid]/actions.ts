"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { actionClientInfo } from "@/lib/actions/client-info";
import { requireUser } from "@/lib/auth/require-user";
import { approveInteraction, denyInteraction, findInteraction } from "@/lib/oidc/interaction";
import { consentPath } from "@/lib/oidc/provider";

async function interactionOf(uid: string) {
  // The interaction must belong to this browser (oidc-provider's signed cookie, sent only
  // to this page's path) and the portal session decides who is consenting.
  const { user } = await requireUser({ callbackUrl: consentPath(uid) });
  const interaction = await findInteraction(uid, (await cookies()).toString());
  if (!interaction) redirect(consentPath(uid));
  return { user, interaction };
}

export async function allowConsentAction(uid: string): Promise<void> {
  const { user, interaction } = await interactionOf(uid);
  redirect(await approveInteraction(interaction, { userId: user.id, client: await actionClientInfo() }));
}

export async function denyConsentAction(uid: string): Promise<void> {
  const { interaction } = await interactionOf(uid);
  redirect(await denyInteraction(interaction));
}
