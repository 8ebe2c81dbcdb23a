import type { RouteDefinition } from "@/lib/api/define-route";
import { mobileRoutes } from "@/lib/contracts/mobile";
import { nutriscanRoutes } from "@/lib/contracts/nutriscan";
import { restV1Routes } from "@/lib/contracts/rest-v1";
import { sharedRoutes } from "@/lib/contracts/shared";

/** Every documented route, one module per client contract (docs/contracts/README.md). */
export const ROUTES: readonly RouteDefinition[] = [...sharedRoutes, ...mobileRoutes, ...nutriscanRoutes, ...restV1Routes];
