import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { EmailVerifiedAnswer003, ExpiringMessageAnswer003 } from "@/lib/contracts/nutriscan/answers";
import { emailVerified003, expiringMessage003 } from "@/lib/contracts/nutriscan/mappers";
import { tokenPath } from "@/lib/contracts/nutriscan/requests";
import { requestVerificationEmail } from "@/lib/services/auth/request-verification-email";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { emailOnlySchema } from "@/lib/validation/auth";

const TAGS = ["Email verification"];

/** `{email}`: the same answer whether or not a link was due. */
export const sendVerification003 = defineRoute({
  method: "post",
  path: "/api/verification/send",
  operationId: "sendVerification003",
  tags: TAGS,
  summary: "Send a verification email",
  description: "Seed 003. The same answer whether or not a link was due. Message: « Email de vérification envoyé », `expiresIn`: « 24 heures ».",
  policy: POLICY.public,
  body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
  responses: [{ status: 200, description: "Sent if due.", schema: ExpiringMessageAnswer003 }],
  errors: ["TOO_MANY_REQUESTS"],
}, async function sendVerification003({ body, client, locale }) {
  await requestVerificationEmail({ email: body.email, locale, client, action: "verification" });
  return jsonResponse(expiringMessage003(locale, "verificationSent", "expiresIn24Hours"));
});

/** `{email}`: a new link (earlier ones stop working), the same answer whether or not one was due. */
export const resendVerification003 = defineRoute({
  method: "post",
  path: "/api/verification/resend",
  operationId: "resendVerification003",
  tags: TAGS,
  summary: "Send a new verification email",
  description: "Seed 003. Earlier links stop working. Message: « Nouvel email de vérification envoyé », `expiresIn`: « 24 heures ».",
  policy: POLICY.public,
  body: { schema: emailOnlySchema, examples: { seed003: { summary: "Seed 003", value: { email: "user@example.com" } } } },
  responses: [{ status: 200, description: "Sent if due.", schema: ExpiringMessageAnswer003 }],
  errors: ["TOO_MANY_REQUESTS"],
}, async function resendVerification003({ body, client, locale }) {
  await requestVerificationEmail({ email: body.email, locale, client, action: "verification" });
  return jsonResponse(expiringMessage003(locale, "verificationResent", "expiresIn24Hours"));
});

/** The token of the emailed link, in the path. */
export const verifyEmail003 = defineRoute({
  method: "get",
  path: "/api/verification/verify/{token}",
  operationId: "verifyEmail003",
  tags: TAGS,
  summary: "Verify the email with the emailed token",
  description: "Seed 003. Message: « Email vérifié avec succès ».",
  policy: POLICY.public,
  params: { path: tokenPath },
  responses: [{ status: 200, description: "Verified.", schema: EmailVerifiedAnswer003 }],
  errors: ["INVALID_OR_EXPIRED_TOKEN", "USER_NOT_FOUND"],
}, async function verifyEmail003({ params, client, locale }) {
  const user = await verifyEmail({ token: params.token, client });
  return jsonResponse(emailVerified003(user, locale));
});
