"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { userAction } from "@/lib/actions/define-action";
import { validate } from "@/lib/api/validation";
import { createOAuthApp } from "@/lib/services/oauth-apps/create-oauth-app";
import { deleteOAuthApp } from "@/lib/services/oauth-apps/delete-oauth-app";
import { rotateOAuthAppSecret } from "@/lib/services/oauth-apps/rotate-oauth-app-secret";
import { updateOAuthApp } from "@/lib/services/oauth-apps/update-oauth-app";
import { createPersonalToken } from "@/lib/services/personal-tokens/create-personal-token";
import { revokePersonalToken } from "@/lib/services/personal-tokens/revoke-personal-token";
import {
  expiryChoiceDays,
  oauthAppCreateSchema,
  oauthAppIdSchema,
  oauthAppUpdateSchema,
  parseRedirectUris,
  personalTokenCreateSchema,
  personalTokenIdSchema,
  type OAuthAppCreateInput,
  type OAuthAppUpdateInput,
  type PersonalTokenCreateInput,
} from "@/lib/validation/developer";

// Every action declares its policy (userAction) and validates with the form's own schema:
// an action is a public POST endpoint (Next checks its Origin), whatever the page.
const PATH = "/settings/developer";

/** Personal access tokens and OAuth apps decide who can act for the user: all sensitive. */
const SUDO = { access: "user", sensitivity: "sudo", callbackUrl: PATH } as const;

export const createOAuthAppAction = userAction(SUDO, async ({ user, locale }, input: OAuthAppCreateInput): Promise<{ clientId: string; clientSecret: string | null }> => {
  const body = validate(oauthAppCreateSchema, input, locale);
  const { app, clientSecret } = await createOAuthApp({
    ownerId: user.id,
    name: body.name,
    redirectUris: parseRedirectUris(body.redirectUris),
    logoUrl: body.logoUrl || null,
    confidential: body.confidential,
    client: await actionClientInfo(),
  });
  revalidatePath(PATH);
  return { clientId: app.clientId, clientSecret: clientSecret ?? null };
});

export const updateOAuthAppAction = userAction(SUDO, async ({ user, locale }, input: OAuthAppUpdateInput) => {
  const body = validate(oauthAppUpdateSchema, input, locale);
  await updateOAuthApp({
    ownerId: user.id,
    appId: body.appId,
    name: body.name,
    redirectUris: parseRedirectUris(body.redirectUris),
    logoUrl: body.logoUrl || null,
    client: await actionClientInfo(),
  });
  revalidatePath(PATH);
  return {};
});

export const rotateOAuthAppSecretAction = userAction(SUDO, async ({ user, locale }, input: { appId: string }) => {
  const { appId } = validate(oauthAppIdSchema, input, locale);
  const { clientSecret } = await rotateOAuthAppSecret({ ownerId: user.id, appId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return { clientSecret };
});

export const deleteOAuthAppAction = userAction(SUDO, async ({ user, locale }, input: { appId: string }) => {
  const { appId } = validate(oauthAppIdSchema, input, locale);
  await deleteOAuthApp({ ownerId: user.id, appId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return {};
});

export const createPersonalTokenAction = userAction(SUDO, async ({ user, locale }, input: PersonalTokenCreateInput) => {
  const body = validate(personalTokenCreateSchema, input, locale);
  const { token } = await createPersonalToken({
    userId: user.id,
    name: body.name,
    scopes: body.scopes,
    expiresInDays: expiryChoiceDays(body.expiry),
    client: await actionClientInfo(),
  });
  revalidatePath(PATH);
  return { token };
});

export const revokePersonalTokenAction = userAction(SUDO, async ({ user, locale }, input: { tokenId: string }) => {
  const { tokenId } = validate(personalTokenIdSchema, input, locale);
  await revokePersonalToken({ userId: user.id, tokenId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return {};
});
