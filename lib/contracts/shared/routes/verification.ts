import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { messageAnswer } from "@/lib/contracts/shared/mappers";
import { EXAMPLE_TOKEN, verifyEmailSchema } from "@/lib/contracts/shared/requests";
import { resendVerificationEmail } from "@/lib/services/auth/send-verification-email";
import { verifyEmail as verifyEmailToken } from "@/lib/services/auth/verify-email";

/** Email verification for REST v1 (docs/contracts/rest-v1.md; links: docs/contracts/README.md, "Email"). */

const VERIFICATION = ["Email verification"];

/** 004: a new verification link for the signed-in user (body-less POST). */
export const sendVerificationEmail = defineRoute({
  method: "post",
  path: "/api/auth/send-verification",
  operationId: "sendVerificationEmail",
  tags: VERIFICATION,
  summary: "Send a new verification email to the caller",
  description: "Seed 004 (body-less). The link is valid 24 hours, once; earlier links stop working. Message: « Email de vérification envoyé ».",
  policy: POLICY.signedIn,
  responses: [{ status: 200, description: "Sent.", schema: MessageAnswer }],
  errors: ["EMAIL_ALREADY_VERIFIED", "USER_NOT_FOUND", "TOO_MANY_REQUESTS"],
}, async function sendVerificationEmail({ caller, client, locale }) {
  await resendVerificationEmail({ userId: caller.user.id, email: caller.user.email, locale, client });
  return jsonResponse(messageAnswer(locale, "verificationSent"));
});

/** 004: `{token}` from the emailed link. */
export const verifyEmail = defineRoute({
  method: "post",
  path: "/api/auth/verify",
  operationId: "verifyEmail",
  tags: VERIFICATION,
  summary: "Verify the email with the emailed token",
  description: "Seed 004. Message: « Email vérifié avec succès ».",
  policy: POLICY.public,
  body: { schema: verifyEmailSchema, examples: { seed004: { summary: "Seed 004", value: { token: EXAMPLE_TOKEN } } } },
  responses: [{ status: 200, description: "Verified.", schema: MessageAnswer }],
  errors: ["INVALID_OR_EXPIRED_TOKEN", "USER_NOT_FOUND"],
}, async function verifyEmail({ body, client, locale }) {
  await verifyEmailToken({ token: body.token, client });
  return jsonResponse(messageAnswer(locale, "emailVerified"));
});
