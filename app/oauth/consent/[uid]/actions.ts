"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { approveInteraction, denyInteraction, findInteraction } from "@/lib/oidc/interaction";
import { consentPath } from "@/lib/oidc/provider";

async function interactionOf(uid: string) {
  // The interaction must belong to this browser (oidc-provider's signed cookie, sent only
  // to this page's path); the portal session (checked by the action's policy) decides who
  // is consenting.
  const interaction = await findInteraction(uid, (await cookies()).toString());
  if (!interaction) redirect(consentPath(uid));
  return interaction;
}

/**
 * Both answer with a redirect from a plain form. Allowing is not treated as sensitive (unlike
 * creating a personal access token): the consent page is itself an explicit, same-browser
 * decision, and the tokens a grant yields can never perform a sensitive action (third-party
 * tokens are refused on every sensitive route and field). The policy says so here, in one word.
 */
const CONSENT = { access: "user", sensitivity: "none", callbackUrl: (uid: string) => consentPath(uid) } as const;

/** The page binds the interaction's uid; whatever arrives is read as text, an unknown uid leads back to the page. */
const interactionUid = { schema: z.object({ uid: z.coerce.string() }), from: (uid: string) => ({ uid }) };

export const allowConsentAction = defineAction({
  policy: CONSENT,
  input: interactionUid,
  answer: "redirect",
  handler: async function allowConsentAction({ input, user, client }) {
    const interaction = await interactionOf(input.uid);
    redirect(await approveInteraction(interaction, { userId: user.id, client }));
  },
});

export const denyConsentAction = defineAction({
  policy: CONSENT,
  input: interactionUid,
  answer: "redirect",
  handler: async function denyConsentAction({ input }) {
    const interaction = await interactionOf(input.uid);
    redirect(await denyInteraction(interaction));
  },
});
