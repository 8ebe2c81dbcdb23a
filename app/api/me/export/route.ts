import { clientInfo } from "@/lib/core/client-info";
import { apiRoute } from "@/lib/api/handler";
import { profileOps } from "@/lib/openapi/operations/profile";
import { jsonResponse } from "@/lib/api/response";
import { exportAccount } from "@/lib/services/account/export-account";

/** Everything stored about the caller as a JSON download (no secrets or hashes). */
export const GET = apiRoute(profileOps.exportAccount, async ({ caller, request }) => {
  const data = await exportAccount({ userId: caller.user.id, client: clientInfo(request) });
  const day = data.exportedAt.slice(0, 10);
  return jsonResponse(data, { headers: { "content-disposition": `attachment; filename="account-export-${day}.json"` } });
});
