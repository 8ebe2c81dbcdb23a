"use server";

import { defineAction } from "@/lib/actions/define-action";
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
} from "@/lib/validation/developer";

// Every action declares its policy and validates with the form's own schema: an action is a
// public POST endpoint (Next checks its Origin), whatever the page.
const PATH = "/settings/developer";

/** Personal access tokens and OAuth apps decide who can act for the user: all sensitive. */
const SUDO = { access: "user", sensitivity: "sudo", callbackUrl: PATH } as const;

export const createOAuthAppAction = defineAction({
  policy: SUDO,
  input: oauthAppCreateSchema,
  revalidate: [PATH],
  handler: async function createOAuthAppAction({ input, user, client }): Promise<{ clientId: string; clientSecret: string | null }> {
    const { app, clientSecret } = await createOAuthApp({
      ownerId: user.id,
      name: input.name,
      redirectUris: parseRedirectUris(input.redirectUris),
      logoUrl: input.logoUrl || null,
      confidential: input.confidential,
      client,
    });
    return { clientId: app.clientId, clientSecret: clientSecret ?? null };
  },
});

export const updateOAuthAppAction = defineAction({
  policy: SUDO,
  input: oauthAppUpdateSchema,
  revalidate: [PATH],
  handler: async function updateOAuthAppAction({ input, user, client }): Promise<Record<never, never>> {
    await updateOAuthApp({
      ownerId: user.id,
      appId: input.appId,
      name: input.name,
      redirectUris: parseRedirectUris(input.redirectUris),
      logoUrl: input.logoUrl || null,
      client,
    });
    return {};
  },
});

export const rotateOAuthAppSecretAction = defineAction({
  policy: SUDO,
  input: oauthAppIdSchema,
  revalidate: [PATH],
  handler: async function rotateOAuthAppSecretAction({ input, user, client }) {
    const { clientSecret } = await rotateOAuthAppSecret({ ownerId: user.id, appId: input.appId, client });
    return { clientSecret };
  },
});

export const deleteOAuthAppAction = defineAction({
  policy: SUDO,
  input: oauthAppIdSchema,
  revalidate: [PATH],
  handler: async function deleteOAuthAppAction({ input, user, client }): Promise<Record<never, never>> {
    await deleteOAuthApp({ ownerId: user.id, appId: input.appId, client });
    return {};
  },
});

export const createPersonalTokenAction = defineAction({
  policy: SUDO,
  input: personalTokenCreateSchema,
  revalidate: [PATH],
  handler: async function createPersonalTokenAction({ input, user, client }) {
    const { token } = await createPersonalToken({
      userId: user.id,
      name: input.name,
      scopes: input.scopes,
      expiresInDays: expiryChoiceDays(input.expiry),
      client,
    });
    return { token };
  },
});

export const revokePersonalTokenAction = defineAction({
  policy: SUDO,
  input: personalTokenIdSchema,
  revalidate: [PATH],
  handler: async function revokePersonalTokenAction({ input, user, client }): Promise<Record<never, never>> {
    await revokePersonalToken({ userId: user.id, tokenId: input.tokenId, client });
    return {};
  },
});
