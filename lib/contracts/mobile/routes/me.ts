import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { Me002, MeUpdated002 } from "@/lib/contracts/mobile/answers";
import { me002, meUpdated002, profileChangesFrom002 } from "@/lib/contracts/mobile/mappers";
import { profileUpdate002Schema } from "@/lib/contracts/mobile/requests";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";

const TAGS = ["Mobile profile (002)"];

/** Seed 002 (`/auth/me`, rewritten here): the profile page's data (docs/contracts/mobile.md, "Me"). */
export const getMe002 = defineRoute({
  method: "get",
  path: "/api/auth/me",
  operationId: "getMe002",
  tags: TAGS,
  summary: "The profile page's data",
  description: "Seed 002: call it after login with the `accessToken`. `daysActive` is computed from the sign-up date.",
  policy: POLICY.profile,
  responses: [{ status: 200, description: "The profile.", schema: Me002, examples: { seed002: EXAMPLES.me002 } }],
  errors: ["USER_NOT_FOUND"],
  rootAliases: ["/auth/me"],
}, async function getMe002({ caller }) {
  return jsonResponse(me002(await getProfile(caller.user.id)));
});

/** docs/contracts/mobile.md, "Profile update". */
export const updateMe002 = defineRoute({
  method: "patch",
  path: "/api/auth/me",
  operationId: "updateMe002",
  tags: TAGS,
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
}, async function updateMe002({ caller, body, client, locale }) {
  await updateProfile({ userId: caller.user.id, changes: profileChangesFrom002(body), locale, client });
  return jsonResponse(meUpdated002(locale));
});
