import { clientInfo } from "@/lib/core/client-info";
import { readJson } from "@/lib/api/body";
import { AppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/api/validation";
import type { Caller } from "@/lib/auth/caller";
import { accountDeleted, profile003, profileUpdated003 } from "@/lib/mappers/profile-003";
import { deleteAccount } from "@/lib/services/account/delete-account";
import { updateOwnProfile003 } from "@/lib/services/profile/update-own-profile-003";
import { deleteAccountSchema, profileUpdate003Schema } from "@/lib/validation/profile";

/**
 * Seed 003 names the account by email in the path; only the caller's own is served
 * (CONTRACT 4). Another address gets 403 whether or not it exists, so nothing leaks.
 */
function assertOwnEmail(caller: Caller, email: string): void {
  if (email.trim().toLowerCase() !== caller.user.email) throw new AppError("FORBIDDEN");
}

/** The caller's user row, read by the policy's check in this very request, is the whole answer. */
export const GET = apiRoute(profileOps.getProfile003, async ({ caller, params }) => {
  assertOwnEmail(caller, params.email);
  return jsonResponse(profile003(caller.user));
});

/**
 * `{name?, currentPassword?, newPassword?}`: a new password also signs out every other session.
 * The password fields are first-party only (the service refuses a third-party token).
 */
export const PUT = apiRoute(profileOps.updateProfile003, async ({ caller, request, params, locale }) => {
  assertOwnEmail(caller, params.email);
  const body = validate(profileUpdate003Schema, await readJson(request), locale);
  const user = await updateOwnProfile003({ caller, body, locale, client: clientInfo(request) });
  return jsonResponse(profileUpdated003(user, locale));
});

/** `{password}`: the account and everything attached to it. */
export const DELETE = apiRoute(profileOps.deleteAccount003, async ({ caller, request, params, locale, recentSudo }) => {
  assertOwnEmail(caller, params.email);
  const body = validate(deleteAccountSchema, await readJson(request), locale);
  await deleteAccount({ userId: caller.user.id, password: body.password, sudo: recentSudo(), client: clientInfo(request) });
  return jsonResponse(accountDeleted(locale));
});
