"use server";

import { revalidatePath } from "next/cache";
import { actionClientInfo } from "@/lib/actions/client-info";
import { userAction } from "@/lib/actions/define-action";
import { validate } from "@/lib/api/validation";
import { signOut } from "@/lib/auth/auth";
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

// Every action declares its policy (userAction: the session cookie, and the sudo window for
// sensitive ones) and validates with the API's schema: an action is a public POST endpoint,
// whatever the page that shows its button.
const PATH = "/settings/security";
/** Sessions and sign-out of other devices: not sensitive (they take access away). */
const SIGNED_IN = { access: "user", sensitivity: "none", callbackUrl: PATH } as const;
/** 2FA set-up and app grants: first-party and the 10-minute sudo window. */
const SUDO = { access: "user", sensitivity: "sudo", callbackUrl: PATH } as const;
/** The input carries the password or a code, which is the re-authentication. */
const PROOF = { access: "user", sensitivity: "proof", callbackUrl: PATH } as const;

export const changePasswordAction = userAction(PROOF, async ({ user, session, locale }, input: { currentPassword: string; newPassword: string; revokeTokensAndApps?: boolean }) => {
  const body = validate(changePasswordSchema, input, locale);
  await changePassword({ userId: user.id, ...body, keepSessionId: session.id, client: await actionClientInfo(), locale });
  revalidatePath(PATH);
  return {};
});

export const startTwoFactorAction = userAction(SUDO, async ({ user }) => {
  const setup = await startTwoFactorSetup({ userId: user.id });
  return { qrCode: setup.qrCode, secret: setup.secret, backupCodes: setup.backupCodes };
});

export const confirmTwoFactorAction = userAction(SUDO, async ({ user, locale }, input: { code: string }) => {
  const { code } = validate(confirmTwoFactorSetupSchema, input, locale);
  await confirmTwoFactorSetup({ userId: user.id, code, client: await actionClientInfo(), locale });
  revalidatePath(PATH);
  return {};
});

export const disableTwoFactorAction = userAction(PROOF, async ({ user, locale }, input: { code: string }) => {
  const { token } = validate(twoFactorCodeProofSchema, { token: input.code }, locale);
  await disableTwoFactor({ userId: user.id, proof: { code: token }, client: await actionClientInfo(), locale });
  revalidatePath(PATH);
  return {};
});

export const regenerateBackupCodesAction = userAction(PROOF, async ({ user, locale }, input: { code: string }) => {
  const { token } = validate(twoFactorCodeProofSchema, { token: input.code }, locale);
  const { backupCodes } = await regenerateBackupCodes({ userId: user.id, proof: { code: token }, client: await actionClientInfo(), locale });
  revalidatePath(PATH);
  return { backupCodes };
});

const sessionIdSchema = z.object({ sessionId: z.string().trim().min(1, "required").max(128, "token.invalid") });

export const revokeSessionAction = userAction(SIGNED_IN, async ({ user, locale }, input: { sessionId: string }) => {
  const { sessionId } = validate(sessionIdSchema, input, locale);
  await revokeSession({ userId: user.id, sessionId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return {};
});

export const revokeOtherSessionsAction = userAction(SIGNED_IN, async ({ user, session }) => {
  const { revoked } = await revokeOtherSessions({ userId: user.id, keepSessionId: session.id, client: await actionClientInfo() });
  revalidatePath(PATH);
  return { count: revoked };
});

export const deleteAccountAction = userAction(PROOF, async ({ user, locale, recentSudo }, input: { password: string }) => {
  const { password } = validate(deleteAccountSchema, input, locale);
  // An account without a password proves itself by the sudo window instead, as over the API.
  await deleteAccount({ userId: user.id, password, sudo: recentSudo(), client: await actionClientInfo() });
  // The session rows went with the account; this clears the now useless cookie too.
  await signOut({ redirect: false });
  return { redirectTo: "/login?signedOut=1&deleted=1" };
});

const clientIdSchema = z.object({ clientId: z.string().trim().min(1, "required").max(128, "token.invalid") });

/** Takes back a third-party app's access: its grants and tokens are deleted at once. */
export const revokeAuthorizedAppAction = userAction(SUDO, async ({ user, locale }, input: { clientId: string }) => {
  const { clientId } = validate(clientIdSchema, input, locale);
  await revokeAuthorizedApp({ userId: user.id, clientId, client: await actionClientInfo() });
  revalidatePath(PATH);
  return {};
});
