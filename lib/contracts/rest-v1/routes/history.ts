import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { LoginHistoryAnswer004 } from "@/lib/contracts/rest-v1/answers";
import { loginHistory004 } from "@/lib/contracts/rest-v1/mappers";
import { historyQuerySchema } from "@/lib/contracts/rest-v1/requests";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { pageLoginHistory } from "@/lib/services/login-events/list-login-history";

/** `?limit=10&offset=0`: the caller's sign-in attempts, newest first. */
export const getLoginHistory004 = defineRoute({
  method: "get",
  path: "/api/me/history",
  operationId: "getLoginHistory004",
  tags: ["Account (004)"],
  summary: "Login history",
  description: "Seed 004: sign-in attempts, successful or not, newest first.",
  policy: POLICY.signedIn,
  params: { query: historyQuerySchema },
  responses: [{ status: 200, description: "A page of the history.", schema: LoginHistoryAnswer004, examples: { seed004: EXAMPLES.history004 } }],
  errors: [],
}, async function getLoginHistory004({ caller, query }) {
  const page = await pageLoginHistory({ userId: caller.user.id, limit: query.limit, offset: query.offset });
  return jsonResponse(loginHistory004(page, query));
});
