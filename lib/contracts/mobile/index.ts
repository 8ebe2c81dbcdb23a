import "server-only";
import { getMe002, updateMe002 } from "@/lib/contracts/mobile/routes/me";

/**
 * The mobile app's own routes (docs/contracts/mobile.md). It also calls shared routes, at the
 * root paths their `rootAliases` name.
 */
export const mobileRoutes = [getMe002, updateMe002];
