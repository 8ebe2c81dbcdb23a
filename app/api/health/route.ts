import { apiRoute } from "@/lib/api/handler";
import { healthOps } from "@/lib/openapi/operations/health";
import { jsonResponse } from "@/lib/api/response";
import { checkDatabase } from "@/lib/services/health/check-database";

export const dynamic = "force-dynamic";

/** CONTRACT section 11; also served at /health for seed 002's client. */
export const GET = apiRoute(healthOps.getHealth, async () => {
  const connected = await checkDatabase();
  return jsonResponse(
    { status: connected ? "ok" : "error", database: connected ? "connected" : "disconnected" },
    { status: connected ? 200 : 503 },
  );
});
