import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { ExpiringMessageAnswer003, PasswordResetUserAnswer003 } from "@/lib/contracts/nutriscan/answers";
import { expiringMessage003, passwordResetUser003 } from "@/lib/contracts/nutriscan/mappers";
import { resetPasswordWithConfirmationSchema, tokenPath } from "@/lib/contracts/nutriscan/requests";
import { checkPasswordResetToken } from "@/lib/services/auth/check-password-reset-token";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { emailOnlySchema } from "@/lib/validation/auth";

const TAGS = ["Password"];

/** `{email}`: identical answer whether or not the email exists (as the document requires). */
export const requestPasswordReset003 = defineRoute({
  method: "post",
  path: "/api/auth/password-reset/request",
  operationId: "requestPasswordReset003",
  tags: TAGS,
  summary: "Ask for a password reset link",
  description:
    "Seed 003. The answer is identical whether or not the email exists. Message: « Un email de réinitialisation a été envoyé à votre adresse. », `expiresIn`: « 1 heure ».",
  policy: POLICY.public,
  body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
  responses: [{ status: 200, description: "Sent if the account exists.", schema: ExpiringMessageAnswer003 }],
  errors: ["TOO_MANY_REQUESTS"],
}, async function requestPasswordReset003({ body, client, locale }) {
  await requestPasswordReset({ email: body.email, locale, client });
  return jsonResponse(expiringMessage003(locale, "resetRequested", "expiresIn1Hour"));
});

/** Is this reset link still good? It is not used up by asking. */
export const checkPasswordResetToken003 = defineRoute({
  method: "get",
  path: "/api/auth/password-reset/verify/{token}",
  operationId: "checkPasswordResetToken003",
  tags: TAGS,
  summary: "Check a reset token",
  description: "Seed 003. Asking does not use the token up. Message: « Token valide ».",
  policy: POLICY.public,
  params: { path: tokenPath },
  responses: [{ status: 200, description: "The token is good.", schema: PasswordResetUserAnswer003 }],
  errors: ["INVALID_OR_EXPIRED_TOKEN"],
}, async function checkPasswordResetToken003({ params, locale }) {
  const user = await checkPasswordResetToken({ token: params.token });
  return jsonResponse(passwordResetUser003(user, locale, "resetTokenValid"));
});

/** `{password, confirmPassword}` with the token in the path. */
export const resetPassword003 = defineRoute({
  method: "post",
  path: "/api/auth/password-reset/reset/{token}",
  operationId: "resetPassword003",
  tags: TAGS,
  summary: "Set the new password",
  description: "Seed 003. Every session is revoked. Message: « Mot de passe réinitialisé avec succès ».",
  policy: POLICY.public,
  params: { path: tokenPath },
  body: {
    schema: resetPasswordWithConfirmationSchema,
    examples: { seed003: { summary: "Seed 003", value: { password: "NouveauMotDePasse123!", confirmPassword: "NouveauMotDePasse123!" } } },
  },
  responses: [{ status: 200, description: "Password reset.", schema: PasswordResetUserAnswer003 }],
  errors: ["INVALID_OR_EXPIRED_TOKEN"],
}, async function resetPassword003({ params, body, client, locale }) {
  const { user } = await resetPassword({ token: params.token, newPassword: body.password, client, locale });
  return jsonResponse(passwordResetUser003(user, locale, "passwordReset"));
});
