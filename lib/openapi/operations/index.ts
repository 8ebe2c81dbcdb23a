import type { ApiOperation } from "@/lib/api/define-route";
import { ROUTES } from "@/lib/contracts";

/** Every documented operation; `tests/unit/openapi-coverage.test.ts` checks none is missing. */
export const OPERATIONS: readonly ApiOperation[] = ROUTES;
