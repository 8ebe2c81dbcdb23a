import { AppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/api/handler";
import { bearerToken } from "@/lib/auth/caller";
import { jsonResponse } from "@/lib/api/response";
import { safeEqual } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { purgeExpired } from "@/lib/services/maintenance/purge-expired";

/**
 * Called daily by Vercel Cron (vercel.json) with `Authorization: Bearer $CRON_SECRET`.
 * Without CRON_SECRET configured nothing can authenticate, so every call is refused.
 */
export const GET = apiRoute(async ({ request }) => {
  const secret = env().CRON_SECRET;
  const presented = bearerToken(request);
  if (!secret || !presented || !safeEqual(presented, secret)) {
    throw new AppError("UNAUTHORIZED", { headers: { "WWW-Authenticate": 'Bearer realm="cron"' } });
  }
  const purged = await purgeExpired();
  logger.info("Expired rows purged", purged);
  return jsonResponse({ success: true, purged });
});
