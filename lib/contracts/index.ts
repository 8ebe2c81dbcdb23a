import "server-only";
import type { RouteDefinition } from "@/lib/api/define-route";
import { mobileRoutes } from "@/lib/contracts/mobile";
import { nutriscanRoutes } from "@/lib/contracts/nutriscan";
import { oauthProfileRoutes } from "@/lib/contracts/oauth-profile";
import { restV1Routes } from "@/lib/contracts/rest-v1";
import { settingsAppRoutes } from "@/lib/contracts/settings-app";
import { sharedRoutes } from "@/lib/contracts/shared";

/** Every documented route, one module per client contract (docs/contracts/README.md). */
export const ROUTES: readonly RouteDefinition[] = [
  ...settingsAppRoutes,
  ...oauthProfileRoutes,
  ...sharedRoutes,
  ...mobileRoutes,
  ...nutriscanRoutes,
  ...restV1Routes,
];
