"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
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

// Every action declares its policy (the session cookie, and the sudo window for sensitive
// ones) and validates with the API's schema: an action is a public POST endpoint, whatever
// the page that shows its button.
const PATH = "/settings/security";
/** Sessions and sign-out of other devices: not sensitive (they take access away). */
const SIGNED_IN = { access: "user", sensitivity: "none", callbackUrl: PATH } as const;
/** 2FA set-up and app grants: first-party and the 10-minute sudo window. */
const SUDO = { access: "user", sensitivity: "sudo", callbackUrl: PATH } as const;
/** The input carries the password or a code, which is the re-authentication. */
const PROOF = { access: "user", sensitivity: "proof", callbackUrl: PATH } as const;

/** The form's `code` is the API's `token` (the schema and its messages are the API's). */
const codeProof = { schema: twoFactorCodeProofSchema, from: (input: { code: string }) => ({ token: input.code }) };

export const changePasswordAction = defineAction({
  policy: PROOF,
  input: changePasswordSchema,
  revalidate: [PATH],
  handler: async function changePasswordAction({ input, user, session, locale, client }): Promise<Record<never, never>> {
    await changePassword({ userId: user.id, ...input, keepSessionId: session.id, client, locale });
    return {};
  },
});

export const startTwoFactorAction = defineAction({
  policy: SUDO,
  handler: async function startTwoFactorAction({ user }) {
    const setup = await startTwoFactorSetup({ userId: user.id });
    return { qrCode: setup.qrCode, secret: setup.secret, backupCodes: setup.backupCodes };
  },
});

export const confirmTwoFactorAction = defineAction({
  policy: SUDO,
  input: confirmTwoFactorSetupSchema,
  revalidate: [PATH],
  handler: async function confirmTwoFactorAction({ input, user, locale, client }): Promise<Record<never, never>> {
    await confirmTwoFactorSetup({ userId: user.id, code: input.code, client, locale });
    return {};
  },
});

export const disableTwoFactorAction = defineAction({
  policy: PROOF,
  input: codeProof,
  revalidate: [PATH],
  handler: async function disableTwoFactorAction({ input, user, locale, client }): Promise<Record<never, never>> {
    await disableTwoFactor({ userId: user.id, proof: { code: input.token }, client, locale });
    return {};
  },
});

export const regenerateBackupCodesAction = defineAction({
  policy: PROOF,
  input: codeProof,
  revalidate: [PATH],
  handler: async function regenerateBackupCodesAction({ input, user, locale, client }) {
    const { backupCodes } = await regenerateBackupCodes({ userId: user.id, proof: { code: input.token }, client, locale });
    return { backupCodes };
  },
});

const sessionIdSchema = z.object({ sessionId: z.string().trim().min(1, "required").max(128, "token.invalid") });

export const revokeSessionAction = defineAction({
  policy: SIGNED_IN,
  input: sessionIdSchema,
  revalidate: [PATH],
  handler: async function revokeSessionAction({ input, user, client }): Promise<Record<never, never>> {
    await revokeSession({ userId: user.id, sessionId: input.sessionId, client });
    return {};
  },
});

export const revokeOtherSessionsAction = defineAction({
  policy: SIGNED_IN,
  revalidate: [PATH],
  handler: async function revokeOtherSessionsAction({ user, session, client }) {
    const { revoked } = await revokeOtherSessions({ userId: user.id, keepSessionId: session.id, client });
    return { count: revoked };
  },
});

export const deleteAccountAction = defineAction({
  policy: PROOF,
  input: deleteAccountSchema,
  handler: async function deleteAccountAction({ input, user, recentSudo, client }) {
    // An account without a password proves itself by the sudo window instead, as over the API.
    await deleteAccount({ userId: user.id, password: input.password, sudo: recentSudo(), client });
    // The session rows went with the account; this clears the now useless cookie too.
    await signOut({ redirect: false });
    return { redirectTo: "/login?signedOut=1&deleted=1" };
  },
});

const clientIdSchema = z.object({ clientId: z.string().trim().min(1, "required").max(128, "token.invalid") });

/** Takes back a third-party app's access: its grants and tokens are deleted at once. */
export const revokeAuthorizedAppAction = defineAction({
  policy: SUDO,
  input: clientIdSchema,
  revalidate: [PATH],
  handler: async function revokeAuthorizedAppAction({ input, user, client }): Promise<Record<never, never>> {
    await revokeAuthorizedApp({ userId: user.id, clientId: input.clientId, client });
    return {};
  },
});
