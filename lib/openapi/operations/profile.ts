import { z } from "zod";
import { EXAMPLES, USERINFO_EXAMPLE } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { AccountExport } from "@/lib/openapi/schemas/account";
import {
  AvatarUpdated000,
  EmailChanged000,
  LoginHistory000,
  NotificationPreferences,
  PasswordChanged000,
  Profile000,
} from "@/lib/contracts/settings-app/answers";
import { PhotoDeleted001, PhotoUpdated001, Profile001, ProfileUpdated001, Userinfo001 } from "@/lib/contracts/oauth-profile/answers";
import { Me002, MeUpdated002 } from "@/lib/openapi/schemas/profile-002";
import { AccountDeleted, Profile003, ProfileUpdated003 } from "@/lib/openapi/schemas/profile-003";
import { notificationPreferencesPatchSchema } from "@/lib/validation/notifications";
import {
  confirmEmailChangeSchema,
  deleteAccountSchema,
  loginHistoryQuerySchema,
  passwordChange000Schema,
  profileUpdate000Schema,
  profileUpdate001Schema,
  profileUpdate002Schema,
  profileUpdate003Schema,
} from "@/lib/validation/profile";

const FILE_ERRORS = ["INVALID_FILE", "FILE_TOO_LARGE", "PAYLOAD_TOO_LARGE", "USER_NOT_FOUND"] as const;

/** A multipart image field: the route reads the file's bytes (no zod schema applies to a file). */
function imageUpload(field: string) {
  return z.object({
    [field]: z.string().meta({
      format: "binary",
      contentMediaType: "image/*",
      description: "JPEG, PNG, GIF or WebP, judged by its bytes; at most 5 MB; re-encoded and stripped of metadata.",
    }),
  });
}

const ownEmail = z.object({ email: z.string().meta({ description: "The caller's own email; any other gets 403.", example: "user@example.com" }) });

export const profileOps = defineOperations({
  // Seed 000: the settings front end.
  getProfile000: {
    method: "get",
    path: "/api/users/profile",
    operationId: "getProfile000",
    tags: ["Profile (000)"],
    summary: "The complete profile",
    description: "Seed 000: profile fields, 2FA state, notification preferences, integrations and recent sign-ins in one object.",
    policy: POLICY.profile,
    responses: [{ status: 200, description: "The profile.", schema: Profile000, examples: { seed000: EXAMPLES.profile000 } }],
    errors: ["USER_NOT_FOUND"],
  },
  updateProfile000: {
    method: "put",
    path: "/api/users/profile",
    operationId: "updateProfile000",
    tags: ["Profile (000)"],
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
  },
  uploadAvatar000: {
    method: "post",
    path: "/api/users/profile/avatar",
    operationId: "uploadAvatar000",
    tags: ["Profile (000)"],
    summary: "Upload the avatar",
    description: "Seed 000: multipart field `avatar`. The previous file is deleted. Message: « Avatar mis à jour avec succès ».",
    policy: POLICY.profile,
    body: { schema: imageUpload("avatar"), contentType: "multipart/form-data", field: "avatar", examples: {} },
    responses: [{ status: 200, description: "The new avatar URL.", schema: AvatarUpdated000 }],
    errors: [...FILE_ERRORS],
  },
  changePassword000: {
    method: "put",
    path: "/api/users/profile/password",
    operationId: "changePassword000",
    tags: ["Profile (000)", "Password"],
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
  },
  getLoginHistory000: {
    method: "get",
    path: "/api/users/profile/login-history",
    operationId: "getLoginHistory000",
    tags: ["Profile (000)"],
    summary: "Login history (settings)",
    description: "Seed 000: sign-ins with device and location, newest first.",
    policy: POLICY.profile,
    params: { query: loginHistoryQuerySchema },
    responses: [{ status: 200, description: "The sign-ins.", schema: LoginHistory000 }],
    errors: [],
  },
  getNotificationPreferences: {
    method: "get",
    path: "/api/users/profile/notifications",
    operationId: "getNotificationPreferences",
    tags: ["Notifications (000)"],
    summary: "Notification preferences",
    description: "Seed 000: every switch of the `email`, `push` and `desktop` channels.",
    policy: POLICY.account,
    responses: [{ status: 200, description: "The preferences.", schema: NotificationPreferences }],
    errors: [],
  },
  updateNotificationPreferences: {
    method: "put",
    path: "/api/users/profile/notifications",
    operationId: "updateNotificationPreferences",
    tags: ["Notifications (000)"],
    summary: "Update notification preferences",
    description: "Seed 000: a full or partial object; unknown channels or keys and non-booleans are refused with 400. Answers every preference.",
    policy: POLICY.account,
    body: {
      schema: notificationPreferencesPatchSchema,
      examples: { seed000: { summary: "Turn marketing emails on", value: { email: { marketingEmails: true }, desktop: { candidateUpdates: true } } } },
    },
    responses: [{ status: 200, description: "The updated preferences.", schema: NotificationPreferences }],
    errors: [],
  },
  showEmailChangeConfirmation: {
    method: "get",
    path: "/api/users/profile/email/confirm",
    operationId: "showEmailChangeConfirmation",
    tags: ["Profile (000)"],
    summary: "Email change confirmation page",
    description:
      "Links emailed before the confirmation became a portal page pointed here: the browser is redirected (303) to `/confirm-email-change?token=…`, the portal page whose button confirms the change and ends with \"Your email is now …\". Following a link alone changes nothing (mail scanners follow links). API clients confirm with `POST` below.",
    policy: POLICY.public,
    params: { query: z.object({ token: z.string().optional().meta({ description: "The 64 hex characters of the emailed link." }) }) },
    responses: [{ status: 303, description: "To the portal's confirmation page, `/confirm-email-change?token=…`." }],
    errors: [],
  },
  confirmEmailChange: {
    method: "post",
    path: "/api/users/profile/email/confirm",
    operationId: "confirmEmailChange",
    tags: ["Profile (000)"],
    summary: "Confirm an email change",
    description:
      "JSON `{token}` from an API client answers JSON. The confirmation page posts the same token as a form (`application/x-www-form-urlencoded`) and is redirected (303) to the sign-in page. Message: « Adresse email modifiée avec succès ».",
    policy: POLICY.public,
    body: {
      schema: confirmEmailChangeSchema,
      examples: { json: { summary: "From an API client", value: { token: "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f" } } },
    },
    responses: [
      { status: 200, description: "The address is changed.", schema: EmailChanged000 },
      { status: 303, description: "Form posts: back to `/login?emailChanged=1` (or `emailChanged=0&error=CODE`)." },
    ],
    errors: ["INVALID_OR_EXPIRED_TOKEN", "EMAIL_ALREADY_EXISTS"],
  },

  // Seed 001: OAuth clients with the `profile` scope.
  getProfile001: {
    method: "get",
    path: "/api/auth/profile",
    operationId: "getProfile001",
    tags: ["OAuth profile (001)"],
    summary: "Profile claims",
    description: "Seed 001: OpenID Connect claims; times in Unix seconds.",
    policy: POLICY.profile,
    responses: [{ status: 200, description: "The profile.", schema: Profile001, examples: { seed001: EXAMPLES.profile001 } }],
    errors: ["USER_NOT_FOUND"],
  },
  updateProfile001: {
    method: "put",
    path: "/api/auth/profile",
    operationId: "updateProfile001",
    tags: ["OAuth profile (001)"],
    summary: "Update profile claims",
    description:
      "Seed 001: `picture_url` sets an external picture (http(s) only; a hosted photo is deleted). Message: \"Profile updated successfully\" (seed 001's document is in English).",
    policy: POLICY.profile,
    body: {
      schema: profileUpdate001Schema,
      examples: {
        seed001: {
          summary: "Seed 001",
          value: { given_name: "John", family_name: "Doe", phone_number: "+33123456789", locale: "fr", picture_url: "https://example.com/photo.jpg" },
        },
      },
    },
    responses: [{ status: 200, description: "The updated claims.", schema: ProfileUpdated001 }],
    errors: ["USER_NOT_FOUND"],
  },
  uploadPhoto001: {
    method: "post",
    path: "/api/auth/profile/photo",
    operationId: "uploadPhoto001",
    tags: ["OAuth profile (001)"],
    summary: "Upload or replace the profile photo",
    description: "Seed 001: multipart field `photo`; the previous photo is deleted. Message: \"Profile photo updated successfully\".",
    policy: POLICY.profile,
    body: { schema: imageUpload("photo"), contentType: "multipart/form-data", field: "photo", examples: {} },
    responses: [{ status: 200, description: "The new picture URL.", schema: PhotoUpdated001 }],
    errors: [...FILE_ERRORS],
  },
  deletePhoto001: {
    method: "delete",
    path: "/api/auth/profile/photo",
    operationId: "deletePhoto001",
    tags: ["OAuth profile (001)"],
    summary: "Delete the profile photo",
    description: "Seed 001. Message: \"Profile photo deleted successfully\".",
    policy: POLICY.profile,
    responses: [{ status: 200, description: "Deleted.", schema: PhotoDeleted001 }],
    errors: ["USER_NOT_FOUND"],
  },
  getUserinfo001: {
    method: "get",
    path: "/api/auth/userinfo",
    operationId: "getUserinfo001",
    tags: ["OAuth profile (001)"],
    summary: "OpenID Connect UserInfo",
    description: "Seed 001: the profile claims plus the linked social accounts.",
    policy: POLICY.profile,
    responses: [{ status: 200, description: "The claims.", schema: Userinfo001, examples: { seed001: USERINFO_EXAMPLE } }],
    errors: ["USER_NOT_FOUND"],
  },

  // Seed 002: the Flutter app.
  getMe002: {
    method: "get",
    path: "/api/auth/me",
    operationId: "getMe002",
    tags: ["Mobile profile (002)"],
    summary: "The profile page's data",
    description: "Seed 002: call it after login with the `accessToken`. `daysActive` is computed from the sign-up date.",
    policy: POLICY.profile,
    responses: [{ status: 200, description: "The profile.", schema: Me002, examples: { seed002: EXAMPLES.me002 } }],
    errors: ["USER_NOT_FOUND"],
    rootAliases: ["/auth/me"],
  },
  updateMe002: {
    method: "patch",
    path: "/api/auth/me",
    operationId: "updateMe002",
    tags: ["Mobile profile (002)"],
    summary: "Update the profile",
    description: "Seed 002: every field optional; `null` clears one. Message: \"Profile updated\" (as seed 002 shows it).",
    policy: POLICY.profile,
    body: {
      schema: profileUpdate002Schema,
      examples: {
        seed002: {
          summary: "Seed 002",
          value: { name: "John Doe", role: "AI Enthusiast", location: "San Francisco, CA", phone: "+1 (555) 123-4567", birthDate: "1990-05-17", bio: "AI Enthusiast | Tech Explorer", conversationsCount: 3, hoursSaved: 2 },
        },
      },
    },
    responses: [{ status: 200, description: "Updated.", schema: MeUpdated002 }],
    errors: ["USER_NOT_FOUND"],
    rootAliases: ["/auth/me"],
  },

  // Seed 003: NutriScan, addressed by email.
  getProfile003: {
    method: "get",
    path: "/api/users/profile/{email}",
    operationId: "getProfile003",
    tags: ["Users (003)"],
    summary: "The caller's profile",
    description: "Seed 003. Only the caller's own email is answered; any other gets 403, whether or not it exists.",
    policy: POLICY.profile,
    params: { path: ownEmail },
    responses: [{ status: 200, description: "The profile.", schema: Profile003 }],
    errors: ["FORBIDDEN", "USER_NOT_FOUND"],
  },
  updateProfile003: {
    method: "put",
    path: "/api/users/profile/{email}",
    operationId: "updateProfile003",
    tags: ["Users (003)"],
    summary: "Update the caller's profile",
    description:
      "Seed 003: a new password needs the current one, must differ from it, signs out every other session and cancels a pending email change; the optional `revokeTokensAndApps: true` (not in the seed's body) also revokes personal access tokens and third-party app grants. Message: « Profil mis à jour avec succès ».",
    policy: { ...POLICY.profile, sensitiveFields: { currentPassword: "proof", newPassword: "proof" } },
    params: { path: ownEmail },
    body: {
      schema: profileUpdate003Schema,
      examples: { seed003: { summary: "Seed 003", value: { name: "Jane Doe", currentPassword: "ancienMotDePasse", newPassword: "NouveauMotDePasse123!" } } },
    },
    responses: [{ status: 200, description: "Updated.", schema: ProfileUpdated003 }],
    errors: ["FORBIDDEN", "INVALID_PASSWORD", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
  },
  deleteAccount003: {
    method: "delete",
    path: "/api/users/profile/{email}",
    operationId: "deleteAccount003",
    tags: ["Users (003)"],
    summary: "Delete the caller's account",
    description: "Seed 003: confirmed with the password. Message: « Compte supprimé avec succès ».",
    policy: POLICY.proof,
    params: { path: ownEmail },
    body: { schema: deleteAccountSchema, examples: { seed003: { summary: "Seed 003", value: { password: "motDePasseConfirmation" } } } },
    responses: [{ status: 200, description: "Deleted.", schema: AccountDeleted }],
    errors: ["FORBIDDEN", "INVALID_PASSWORD", "REAUTH_REQUIRED", "TOO_MANY_REQUESTS", "USER_NOT_FOUND"],
  },

  // Seed 004: the caller's account (getMe004, updateMe004, deleteAccount004 live in lib/contracts/rest-v1/routes/me.ts).
  exportAccount: {
    method: "get",
    path: "/api/me/export",
    operationId: "exportAccount",
    tags: ["Account (004)"],
    summary: "Export the account's data",
    description: "Everything stored about the caller as a JSON download (no secret or hash).",
    policy: POLICY.sudo,
    responses: [{ status: 200, description: "The export.", schema: AccountExport }],
    errors: ["USER_NOT_FOUND"],
  },
});

export const profileOperations: ApiOperation[] = operationList(profileOps);
