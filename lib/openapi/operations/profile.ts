import { z } from "zod";
import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { AccountExport } from "@/lib/openapi/schemas/account";
import { Me002, MeUpdated002 } from "@/lib/openapi/schemas/profile-002";
import { AccountDeleted, Profile003, ProfileUpdated003 } from "@/lib/openapi/schemas/profile-003";
import { deleteAccountSchema, profileUpdate002Schema, profileUpdate003Schema } from "@/lib/validation/profile";

const ownEmail = z.object({ email: z.string().meta({ description: "The caller's own email; any other gets 403.", example: "user@example.com" }) });

export const profileOps = defineOperations({
  // Seeds 000 and 001 live in lib/contracts/settings-app and lib/contracts/oauth-profile.

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
