import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { UserStatusAnswer003 } from "@/lib/contracts/nutriscan/answers";
import { userStatus003 } from "@/lib/contracts/nutriscan/mappers";
import { callerOwnsPathEmail, statusEmailPath } from "@/lib/contracts/nutriscan/requests";
import { EXAMPLES } from "@/lib/contracts/shared/examples";

/** The status of the caller's own account: this route never tells about someone else. */
export const getUserStatus003 = defineRoute({
  method: "get",
  path: "/api/auth/status/{email}",
  operationId: "getUserStatus003",
  tags: ["Users (003)"],
  summary: "The caller's account status",
  description: "Seed 003. Only the caller's own address is answered; any other gets 403, whether or not it has an account.",
  policy: POLICY.signedIn,
  params: { path: statusEmailPath },
  beforeBody: callerOwnsPathEmail,
  responses: [{ status: 200, description: "The status.", schema: UserStatusAnswer003, examples: { seed003: EXAMPLES.status003 } }],
  errors: ["FORBIDDEN"],
}, async function getUserStatus003({ caller }) {
  return jsonResponse(userStatus003(caller.user));
});
