import "server-only";
import { confirmEmailChangeSchema } from "@/lib/validation/profile";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { IMAGE_UPLOAD_ERRORS, imageUploadSchema } from "@/lib/api/upload";
import { POLICY } from "@/lib/auth/policy";
import { AvatarUpdated000, EmailChanged000, LoginHistory000, PasswordChanged000, Profile000 } from "@/lib/contracts/settings-app/answers";
import {
  avatarUpdated000,
  emailChanged000,
  emailChangeConfirmPage,
  emailChangeFormAnswer,
  loginHistory000,
  passwordChanged000,
  profile000,
  profileChangesFrom000,
} from "@/lib/contracts/settings-app/mappers";
import {
  emailChangeLinkQuerySchema,
  loginHistoryQuerySchema,
  passwordChange000Schema,
  profileUpdate000Schema,
} from "@/lib/contracts/settings-app/requests";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { setAvatar } from "@/lib/services/avatar/set-avatar";
import { changePassword } from "@/lib/services/password/change-password";
import { confirmEmailChange as confirmEmailChangeService } from "@/lib/services/profile/confirm-email-change";
import { getFullProfile } from "@/lib/services/profile/get-full-profile";
import { listLoginHistory } from "@/lib/services/login-events/list-login-history";
import { updateProfile } from "@/lib/services/profile/update-profile";

const TAGS = ["Profile (000)"];

/** The complete profile. */
export const getProfile000 = defineRoute({
  method: "get",
  path: "/api/users/profile",
  operationId: "getProfile000",
  tags: TAGS,
  summary: "The complete profile",
  description: "Seed 000: profile fields, 2FA state, notification preferences, integrations and recent sign-ins in one object.",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "The profile.", schema: Profile000, examples: { seed000: EXAMPLES.profile000 } }],
  errors: ["USER_NOT_FOUND"],
}, async function getProfile000({ caller, locale }) {
  return jsonResponse(profile000(await getFullProfile(caller.user.id, locale)));
});

/**
 * A new email is only requested (verified by link); the old one stays until then. The email
 * is a sensitive field: the service asks `sudo` for a grant before requesting it.
 */
export const updateProfile000 = defineRoute({
  method: "put",
  path: "/api/users/profile",
  operationId: "updateProfile000",
  tags: TAGS,
  summary: "Update the profile",
  description:
    "Seed 000: any of the fields; `null` or `\"\"` clears one. A new `email` is only requested: a confirmation link goes to the new address and the old one stays the sign-in address until it is followed; the old address gets a notice with a link that cancels the change and signs every device out. At most 10 email change requests per account and hour, refused ones (409) included: then 429 with `Retry-After`. Fields not listed are refused by name.",
  policy: { ...POLICY.profile, sensitiveFields: { email: "sudo" } },
  body: {
    schema: profileUpdate000Schema,
    examples: {
      seed000: {
        summary: "Seed 000",
        value: { first_name: "Jean", last_name: "Dupont", job_title: "Recruteur Senior", company: "Acme Inc", phone: "+33612345678" },
      },
    },
  },
  responses: [{ status: 200, description: "The updated profile.", schema: Profile000 }],
  errors: ["EMAIL_ALREADY_EXISTS", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function updateProfile000({ caller, body, sudo, locale, client }) {
  await updateProfile({ userId: caller.user.id, changes: profileChangesFrom000(body), sudo, locale, client });
  return jsonResponse(profile000(await getFullProfile(caller.user.id, locale)));
});

/** Multipart field `avatar` (docs/contracts/README.md "Avatars"). */
export const uploadAvatar000 = defineRoute({
  method: "post",
  path: "/api/users/profile/avatar",
  operationId: "uploadAvatar000",
  tags: TAGS,
  summary: "Upload the avatar",
  description: "Seed 000: multipart field `avatar`. The previous file is deleted. Message: « Avatar mis à jour avec succès ».",
  policy: POLICY.profile,
  body: { schema: imageUploadSchema("avatar"), contentType: "multipart/form-data", field: "avatar", examples: {} },
  responses: [{ status: 200, description: "The new avatar URL.", schema: AvatarUpdated000 }],
  errors: [...IMAGE_UPLOAD_ERRORS, "USER_NOT_FOUND"],
}, async function uploadAvatar000({ caller, body, locale, client }) {
  const user = await setAvatar({ userId: caller.user.id, bytes: body, client });
  return jsonResponse(avatarUpdated000(user, locale));
});

/** `{current_password, new_password, revoke_tokens_and_apps?}`: every other session is signed out. */
export const changePassword000 = defineRoute({
  method: "put",
  path: "/api/users/profile/password",
  operationId: "changePassword000",
  tags: [...TAGS, "Password"],
  summary: "Change the password (settings)",
  description:
    "Seed 000. Every other session is signed out and a pending email change is cancelled; with the optional `revoke_tokens_and_apps: true` (not in the seed's body, which stays valid without it) every personal access token and third-party app grant is revoked too. The new password must differ from the current one (400 VALIDATION_ERROR on `new_password`). The confirmation email lists what was ended. Message: « Mot de passe modifié avec succès ».",
  policy: POLICY.proof,
  body: {
    schema: passwordChange000Schema,
    examples: { seed000: { summary: "Seed 000", value: { current_password: "SecurePassword123!", new_password: "NewSecurePassword456!" } } },
  },
  responses: [{ status: 200, description: "Changed.", schema: PasswordChanged000 }],
  errors: ["INVALID_PASSWORD", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
}, async function changePassword000({ caller, body, locale, client }) {
  const { user } = await changePassword({
    userId: caller.user.id,
    currentPassword: body.current_password,
    newPassword: body.new_password,
    revokeTokensAndApps: body.revoke_tokens_and_apps,
    keepSessionId: caller.session.id,
    client,
    locale,
  });
  return jsonResponse(passwordChanged000(user, locale));
});

/** The caller's sign-ins, newest first (`?limit=` up to 100, default 50). */
export const getLoginHistory000 = defineRoute({
  method: "get",
  path: "/api/users/profile/login-history",
  operationId: "getLoginHistory000",
  tags: TAGS,
  summary: "Login history (settings)",
  description: "Seed 000: sign-ins with device and location, newest first.",
  policy: POLICY.profile,
  params: { query: loginHistoryQuerySchema },
  responses: [{ status: 200, description: "The sign-ins.", schema: LoginHistory000 }],
  errors: [],
}, async function getLoginHistory000({ caller, query }) {
  return jsonResponse(loginHistory000(await listLoginHistory({ userId: caller.user.id, limit: query.limit, offset: query.offset })));
});

/**
 * Links mailed before the confirmation became a portal page pointed here: send the browser
 * to that page, which asks for a click before changing anything (mail scanners that follow
 * links must not be able to attach an address to someone's account).
 */
export const showEmailChangeConfirmation = defineRoute({
  method: "get",
  path: "/api/users/profile/email/confirm",
  operationId: "showEmailChangeConfirmation",
  tags: TAGS,
  summary: "Email change confirmation page",
  description:
    "Links emailed before the confirmation became a portal page pointed here: the browser is redirected (303) to `/confirm-email-change?token=…`, the portal page whose button confirms the change and ends with \"Your email is now …\". Following a link alone changes nothing (mail scanners follow links). API clients confirm with `POST` below.",
  policy: POLICY.public,
  params: { query: emailChangeLinkQuerySchema },
  responses: [{ status: 303, description: "To the portal's confirmation page, `/confirm-email-change?token=…`." }],
  errors: [],
}, async function showEmailChangeConfirmation({ query }) {
  return emailChangeConfirmPage(query.token ?? "");
});

/** JSON `{token}` from an API client, or the confirmation page's form (then back to sign-in, whatever the outcome). */
export const confirmEmailChange = defineRoute({
  method: "post",
  path: "/api/users/profile/email/confirm",
  operationId: "confirmEmailChange",
  tags: TAGS,
  summary: "Confirm an email change",
  description:
    "JSON `{token}` from an API client answers JSON. The confirmation page posts the same token as a form (`application/x-www-form-urlencoded`) and is redirected (303) to the sign-in page. Message: « Adresse email modifiée avec succès ».",
  policy: POLICY.public,
  body: {
    schema: confirmEmailChangeSchema,
    examples: { json: { summary: "From an API client", value: { token: "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f" } } },
    form: { answerError: (code) => emailChangeFormAnswer(code) },
  },
  responses: [
    { status: 200, description: "The address is changed.", schema: EmailChanged000 },
    { status: 303, description: "Form posts: back to `/login?emailChanged=1` (or `emailChanged=0&error=CODE`)." },
  ],
  errors: ["INVALID_OR_EXPIRED_TOKEN", "EMAIL_ALREADY_EXISTS"],
}, async function confirmEmailChange({ body, bodyFormat, locale, client }) {
  const user = await confirmEmailChangeService({ token: body.token, locale, client });
  return bodyFormat === "form" ? emailChangeFormAnswer() : jsonResponse(emailChanged000(user, locale));
});
