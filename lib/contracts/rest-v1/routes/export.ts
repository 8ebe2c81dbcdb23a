import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { AccountExport } from "@/lib/contracts/rest-v1/answers";
import { accountExportHeaders } from "@/lib/contracts/rest-v1/mappers";
import { exportAccount as exportAccountData } from "@/lib/services/account/export-account";

/** Everything stored about the caller as a JSON download (no secrets or hashes). */
export const exportAccount = defineRoute({
  method: "get",
  path: "/api/me/export",
  operationId: "exportAccount",
  tags: ["Account (004)"],
  summary: "Export the account's data",
  description: "Everything stored about the caller as a JSON download (no secret or hash).",
  policy: POLICY.sudo,
  responses: [{ status: 200, description: "The export.", schema: AccountExport }],
  errors: ["USER_NOT_FOUND"],
}, async function exportAccount({ caller, client }) {
  const data = await exportAccountData({ userId: caller.user.id, client });
  return jsonResponse(data, { headers: accountExportHeaders(data) });
});
