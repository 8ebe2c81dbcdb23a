"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { validate } from "@/lib/api/validation";
import { signOut } from "@/lib/auth/auth";
import { assertSudo, lastAuthenticatedAt } from "@/lib/auth/recent-auth";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/i18n/server";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { revokeAuthorizedApp } from "@/lib/services/oauth-provider/revoke-authorized-app";
import { changePassword } from "@/lib/services/password/change-password";
import { revokeOtherSessions } from "@/lib/services/sessions/revoke-other-sessions";
import { revokeSession } from "@/lib/services/sessions/revoke-session";
import { confirmTwoFactorSetup } from "@/lib/services/two-factor/confirm-two-factor-setup";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { regenerateBackupCodes } from "@/lib/services/two-factor/regenerate-backup-codes";
import { startTwoFactorSetup } from "@/lib/services/two-factor/start-two-factor-setup";
import { changePasswordSchema } from "@/lib/validation/auth";
import { deleteAccountSchema } from "@/lib/validation/profile";
import { confirmTwoFactorSetupSchema, twoFactorCodeProofSchema } from "@/lib/validation/two-factor";
import { z } from "zod";

// Every action checks the caller itself (requireUser) and validates with the API's schema:
// an action is a public POST endpoint, whatever the page that shows its button.
const PATH = "/settings/security";

export async function changePasswordAction(input: { currentPassword: string; newPassword: string; revokeTokensAndApps?: boolean }): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const body = validate(changePasswordSchema, input, locale);
    await changePassword({ userId: user.id, ...body, keepSessionId: session.id, client: await actionClientInfo(), locale });
    revalidatePath(PATH);
    return {};
  });
}

export async function startTwoFactorAction(): Promise<ActionResult<{ qrCode: string; secret: string; backupCodes: string[] }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    assertSudo(session);
    const setup = await startTwoFactorSetup({ userId: user.id });
    return { qrCode: setup.qrCode, secret: setup.secret, backupCodes: setup.backupCodes };
  });
}

export async function confirmTwoFactorAction(input: { code: string }): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { code } = validate(confirmTwoFactorSetupSchema, input, locale);
    assertSudo(session);
    await confirmTwoFactorSetup({ userId: user.id, code, client: await actionClientInfo(), locale });
    revalidatePath(PATH);
    return {};
  });
}

export async function disableTwoFactorAction(input: { code: string }): Promise<ActionResult> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { token } = validate(twoFactorCodeProofSchema, { token: input.code }, locale);
    await disableTwoFactor({ userId: user.id, proof: { code: token }, client: await actionClientInfo(), locale });
    revalidatePath(PATH);
    return {};
  });
}

export async function regenerateBackupCodesAction(input: { code: string }): Promise<ActionResult<{ backupCodes: string[] }>> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { token } = validate(twoFactorCodeProofSchema, { token: input.code }, locale);
    const { backupCodes } = await regenerateBackupCodes({ userId: user.id, proof: { code: token }, client: await actionClientInfo(), locale });
    revalidatePath(PATH);
    return { backupCodes };
  });
}

const sessionIdSchema = z.object({ sessionId: z.string().trim().min(1, "required").max(128, "token.invalid") });

export async function revokeSessionAction(input: { sessionId: string }): Promise<ActionResult> {
  const { user } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { sessionId } = validate(sessionIdSchema, input, locale);
    await revokeSession({ userId: user.id, sessionId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return {};
  });
}

export async function revokeOtherSessionsAction(): Promise<ActionResult<{ count: number }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { revoked } = await revokeOtherSessions({ userId: user.id, keepSessionId: session.id, client: await actionClientInfo() });
    revalidatePath(PATH);
    return { count: revoked };
  });
}

export async function deleteAccountAction(input: { password: string }): Promise<ActionResult<{ redirectTo: string }>> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { password } = validate(deleteAccountSchema, input, locale);
    // An account without a password proves itself by a recent sign-in or re-authentication
    // (the sudo dialog's), as over the API.
    await deleteAccount({ userId: user.id, password, signedInAt: lastAuthenticatedAt(session), client: await actionClientInfo() });
    // The session rows went with the account; this clears the now useless cookie too.
    await signOut({ redirect: false });
    return { redirectTo: "/login?signedOut=1&deleted=1" };
  });
}

const clientIdSchema = z.object({ clientId: z.string().trim().min(1, "required").max(128, "token.invalid") });

/** Takes back a third-party app's access: its grants and tokens are deleted at once. */
export async function revokeAuthorizedAppAction(input: { clientId: string }): Promise<ActionResult> {
  const { user, session } = await requireUser({ callbackUrl: PATH });
  const locale = await getLocale();
  return runAction(locale, async () => {
    const { clientId } = validate(clientIdSchema, input, locale);
    assertSudo(session);
    await revokeAuthorizedApp({ userId: user.id, clientId, client: await actionClientInfo() });
    revalidatePath(PATH);
    return {};
  });
}
