import { clientInfo } from "@/lib/api/client-info";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { requireCaller } from "@/lib/auth/caller";
import { exportAccount } from "@/lib/services/account/export-account";

/** Everything stored about the caller as a JSON download (no secrets or hashes). */
export const GET = apiRoute(async ({ request }) => {
  const caller = await requireCaller(request, { scope: "account" });
  const data = await exportAccount({ userId: caller.user.id, client: clientInfo(request) });
  const day = data.exportedAt.slice(0, 10);
  return jsonResponse(data, { headers: { "content-disposition": `attachment; filename="account-export-${day}.json"` } });
});
