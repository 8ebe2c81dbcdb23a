import type { RouteDefinition } from "@/lib/api/define-route";
import { nutriscanRoutes } from "@/lib/contracts/nutriscan";
import { restV1Routes } from "@/lib/contracts/rest-v1";

/** Every documented route, one module per client contract (docs/contracts/README.md). */
export const ROUTES: readonly RouteDefinition[] = [...nutriscanRoutes, ...restV1Routes];
