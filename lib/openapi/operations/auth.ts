import { z } from "zod";
import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import {
  EmailVerifiedAnswer003,
  ExpiringMessageAnswer003,
  PasswordResetUserAnswer003,
  UserStatusAnswer003,
  UsersRegisterAnswer003,
} from "@/lib/contracts/shared/answers";
import { emailOnlySchema, registerWithConfirmationSchema, resetPasswordWithConfirmationSchema } from "@/lib/validation/auth";

const PASSWORD = ["Password"];
const VERIFICATION = ["Email verification"];

const EXAMPLE_TOKEN = "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f";
const tokenPath = z.object({
  token: z.string().meta({ description: "The 64 hex characters of the emailed link.", example: EXAMPLE_TOKEN }),
});

export const authOps = defineOperations({
  getUserStatus003: {
    method: "get",
    path: "/api/auth/status/{email}",
    operationId: "getUserStatus003",
    tags: ["Users (003)"],
    summary: "The caller's account status",
    description: "Seed 003. Only the caller's own address is answered; any other gets 403, whether or not it has an account.",
    policy: POLICY.signedIn,
    params: { path: z.object({ email: z.string().meta({ description: "The caller's email.", example: "user@example.com" }) }) },
    responses: [{ status: 200, description: "The status.", schema: UserStatusAnswer003, examples: { seed003: EXAMPLES.status003 } }],
    errors: ["FORBIDDEN"],
  },
  registerUser003: {
    method: "post",
    path: "/api/users/register",
    operationId: "registerUser003",
    tags: ["Users (003)"],
    summary: "Register (NutriScan)",
    description:
      "Seed 003: no session is opened; the client asks the user to verify the email first (`is_active` is false until then). `emailSent` says whether the verification email left.",
    policy: POLICY.public,
    body: {
      schema: registerWithConfirmationSchema,
      examples: {
        seed003: { summary: "Seed 003", value: { name: "John Doe", email: "user@example.com", password: "MotDePasse123!", confirmPassword: "MotDePasse123!" } },
      },
    },
    responses: [{ status: 201, description: "Created.", schema: UsersRegisterAnswer003, examples: { seed003: EXAMPLES.users003Registered } }],
    errors: ["EMAIL_ALREADY_EXISTS", "TOO_MANY_REQUESTS"],
  },
  sendVerification003: {
    method: "post",
    path: "/api/verification/send",
    operationId: "sendVerification003",
    tags: VERIFICATION,
    summary: "Send a verification email",
    description: "Seed 003. The same answer whether or not a link was due. Message: « Email de vérification envoyé », `expiresIn`: « 24 heures ».",
    policy: POLICY.public,
    body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
    responses: [{ status: 200, description: "Sent if due.", schema: ExpiringMessageAnswer003 }],
    errors: ["TOO_MANY_REQUESTS"],
  },
  resendVerification003: {
    method: "post",
    path: "/api/verification/resend",
    operationId: "resendVerification003",
    tags: VERIFICATION,
    summary: "Send a new verification email",
    description: "Seed 003. Earlier links stop working. Message: « Nouvel email de vérification envoyé », `expiresIn`: « 24 heures ».",
    policy: POLICY.public,
    body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
    responses: [{ status: 200, description: "Sent if due.", schema: ExpiringMessageAnswer003 }],
    errors: ["TOO_MANY_REQUESTS"],
  },
  verifyEmail003: {
    method: "get",
    path: "/api/verification/verify/{token}",
    operationId: "verifyEmail003",
    tags: VERIFICATION,
    summary: "Verify the email with the emailed token",
    description: "Seed 003. Message: « Email vérifié avec succès ».",
    policy: POLICY.public,
    params: { path: tokenPath },
    responses: [{ status: 200, description: "Verified.", schema: EmailVerifiedAnswer003 }],
    errors: ["INVALID_OR_EXPIRED_TOKEN", "USER_NOT_FOUND"],
  },
  requestPasswordReset003: {
    method: "post",
    path: "/api/auth/password-reset/request",
    operationId: "requestPasswordReset003",
    tags: PASSWORD,
    summary: "Ask for a password reset link",
    description:
      "Seed 003. The answer is identical whether or not the email exists. Message: « Un email de réinitialisation a été envoyé à votre adresse. », `expiresIn`: « 1 heure ».",
    policy: POLICY.public,
    body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
    responses: [{ status: 200, description: "Sent if the account exists.", schema: ExpiringMessageAnswer003 }],
    errors: ["TOO_MANY_REQUESTS"],
  },
  checkPasswordResetToken003: {
    method: "get",
    path: "/api/auth/password-reset/verify/{token}",
    operationId: "checkPasswordResetToken003",
    tags: PASSWORD,
    summary: "Check a reset token",
    description: "Seed 003. Asking does not use the token up. Message: « Token valide ».",
    policy: POLICY.public,
    params: { path: tokenPath },
    responses: [{ status: 200, description: "The token is good.", schema: PasswordResetUserAnswer003 }],
    errors: ["INVALID_OR_EXPIRED_TOKEN"],
  },
  resetPassword003: {
    method: "post",
    path: "/api/auth/password-reset/reset/{token}",
    operationId: "resetPassword003",
    tags: PASSWORD,
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
  },
});

export const authOperations: ApiOperation[] = operationList(authOps);
