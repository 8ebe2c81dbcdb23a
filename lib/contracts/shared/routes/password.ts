import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { messageAnswer } from "@/lib/contracts/shared/mappers";
import { EXAMPLE_TOKEN } from "@/lib/contracts/shared/requests";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword as resetPasswordWithToken } from "@/lib/services/auth/reset-password";
import { changePassword as changeUserPassword } from "@/lib/services/password/change-password";
import { changePasswordSchema, emailOnlySchema, resetPasswordSchema } from "@/lib/validation/auth";

/** Password change and reset (docs/contracts/README.md, "Sessions and tokens"). */

const PASSWORD = ["Password"];

/** 004 and 002 `{currentPassword, newPassword}`: the caller's session survives, every other one ends. */
export const changePassword = defineRoute({
  method: "post",
  path: "/api/auth/change-password",
  operationId: "changePassword",
  tags: PASSWORD,
  summary: "Change the password",
  description:
    "Seeds 002 and 004. The caller's session survives, every other one is revoked, a pending email change is cancelled, and an email tells the owner what was ended. The optional `revokeTokensAndApps: true` (not in the seeds' bodies, which stay valid without it) also revokes every personal access token and third-party app grant. The new password must differ from the current one (400 VALIDATION_ERROR on `newPassword`). Message: « Mot de passe modifié avec succès » (seed 004; seed 002 showed \"Password updated successfully\", the English text).",
  policy: POLICY.proof,
  body: {
    schema: changePasswordSchema,
    examples: { seed004: { summary: "Seeds 002 and 004", value: { currentPassword: "SecurePassword123!", newPassword: "NewSecurePassword456!" } } },
  },
  responses: [{ status: 200, description: "Password changed.", schema: MessageAnswer }],
  errors: ["INVALID_PASSWORD", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
  rootAliases: ["/auth/change-password"],
}, async function changePassword({ caller, body, client, locale }) {
  await changeUserPassword({ userId: caller.user.id, ...body, keepSessionId: caller.session.id, client, locale });
  return jsonResponse(messageAnswer(locale, "passwordChanged"));
});

/** 004: the same answer whether or not the address has an account. */
export const forgotPassword = defineRoute({
  method: "post",
  path: "/api/auth/forgot-password",
  operationId: "forgotPassword",
  tags: PASSWORD,
  summary: "Ask for a password reset link",
  description:
    "Seed 004. The same answer whether or not the address has an account. The emailed link is valid 1 hour, once. Message: « Si cet email existe, un lien de réinitialisation a été envoyé ».",
  policy: POLICY.public,
  body: { schema: emailOnlySchema, examples: { seed004: { summary: "Seed 004", value: { email: "john.doe@example.com" } } } },
  responses: [{ status: 200, description: "Sent if the account exists.", schema: MessageAnswer }],
  errors: ["TOO_MANY_REQUESTS"],
}, async function forgotPassword({ body, client, locale }) {
  await requestPasswordReset({ email: body.email, locale, client });
  return jsonResponse(messageAnswer(locale, "forgotPassword"));
});

/**
 * Two meanings (docs/contracts/README.md, "Paths and aliases"): 002 `{email}` asks for the
 * link, 004 `{token, newPassword}` sets the password. A body with a token is the second.
 */
export const resetPassword = defineRoute({
  method: "post",
  path: "/api/auth/reset-password",
  operationId: "resetPassword",
  tags: PASSWORD,
  summary: "Ask for a reset link, or set the new password",
  description:
    "Documented twice (docs/contracts/README.md, \"Paths and aliases\"): seed 002 sends `{email}` to get the link (answered the same whether or not the account exists); seed 004 sends `{token, newPassword}` to set the password, which ends every session (and its refresh token), every personal access token and third-party app grant, and a pending email change; the confirmation email lists them. The body decides. Messages: « Si cet email existe, un lien de réinitialisation a été envoyé » / « Mot de passe réinitialisé avec succès ».",
  policy: POLICY.public,
  body: {
    schema: z.union([resetPasswordSchema, emailOnlySchema]),
    pick: (raw) => (typeof raw === "object" && raw !== null && "token" in raw ? resetPasswordSchema : emailOnlySchema),
    examples: {
      seed004: { summary: "Seed 004: set the password", value: { token: EXAMPLE_TOKEN, newPassword: "NewSecurePassword789!" } },
      seed002: { summary: "Seed 002: ask for the link", value: { email: "john.doe@example.com" } },
    },
  },
  responses: [{ status: 200, description: "Link sent (if the account exists), or password reset.", schema: MessageAnswer }],
  errors: ["INVALID_OR_EXPIRED_TOKEN", "TOO_MANY_REQUESTS"],
  rootAliases: ["/auth/reset-password"],
}, async function resetPassword({ body, client, locale }) {
  if ("token" in body) {
    await resetPasswordWithToken({ token: body.token, newPassword: body.newPassword, client, locale });
    return jsonResponse(messageAnswer(locale, "passwordReset"));
  }
  await requestPasswordReset({ email: body.email, locale, client });
  return jsonResponse(messageAnswer(locale, "forgotPassword"));
});

/** 002 `/auth/reset-password/confirm {token, newPassword}`. */
export const confirmPasswordReset = defineRoute({
  method: "post",
  path: "/api/auth/reset-password/confirm",
  operationId: "confirmPasswordReset",
  tags: PASSWORD,
  summary: "Set the new password with the emailed token",
  description: "Seed 002: `token` is the `?token=` of the emailed link (valid 1 hour, once). Every session is revoked. Message: « Mot de passe réinitialisé avec succès ».",
  policy: POLICY.public,
  body: { schema: resetPasswordSchema, examples: { seed002: { summary: "Seed 002", value: { token: EXAMPLE_TOKEN, newPassword: "NewSecurePassword789!" } } } },
  responses: [{ status: 200, description: "Password reset.", schema: MessageAnswer }],
  errors: ["INVALID_OR_EXPIRED_TOKEN"],
  rootAliases: ["/auth/reset-password/confirm"],
}, async function confirmPasswordReset({ body, client, locale }) {
  await resetPasswordWithToken({ token: body.token, newPassword: body.newPassword, client, locale });
  return jsonResponse(messageAnswer(locale, "passwordReset"));
});
