import type { RouteDefinition } from "@/lib/api/define-route";
import { oauthProfileRoutes } from "@/lib/contracts/oauth-profile";
import { restV1Routes } from "@/lib/contracts/rest-v1";
import { settingsAppRoutes } from "@/lib/contracts/settings-app";

/** Every documented route, one module per client contract (docs/contracts/README.md). */
export const ROUTES: readonly RouteDefinition[] = [...settingsAppRoutes, ...oauthProfileRoutes, ...restV1Routes];
