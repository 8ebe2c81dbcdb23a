"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/api/validation";
import { assertSudo } from "@/lib/auth/recent-auth";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/i18n/server";
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

// Every action checks the caller itself (requireUser) and validates with the form's own
// schema: an action is a public POST endpoint (Next checks its Origin), whatever the page.
const PATH = "/settings/developer";

export async function createOAuthAppAction(input: OAuthAppCreateInput): Promise<ActionResult<{ clientId: string; clientSecret: string | null }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const body = validate(oauthAppCreateSchema, input, locale);
    assertSudo(session);
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
}

export async function updateOAuthAppAction(input: OAuthAppUpdateInput): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const body = validate(oauthAppUpdateSchema, input, locale);
    assertSudo(session);
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
}

export async function rotateOAuthAppSecretAction(input: { appId: string }): Promise<ActionResult<{ clientSecret: string }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { appId } = validate(oauthAppIdSchema, input, locale);
    assertSudo(session);
    const { clientSecret } = await rotateOAuthAppSecret({ ownerId: user.id, appId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return { clientSecret };
  });
}

export async function deleteOAuthAppAction(input: { appId: string }): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { appId } = validate(oauthAppIdSchema, input, locale);
    assertSudo(session);
    await deleteOAuthApp({ ownerId: user.id, appId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return {};
  });
}

export async function createPersonalTokenAction(input: PersonalTokenCreateInput): Promise<ActionResult<{ token: string }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const body = validate(personalTokenCreateSchema, input, locale);
    assertSudo(session);
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
}

export async function revokePersonalTokenAction(input: { tokenId: string }): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { tokenId } = validate(personalTokenIdSchema, input, locale);
    assertSudo(session);
    await revokePersonalToken({ userId: user.id, tokenId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return {};
  });
}
