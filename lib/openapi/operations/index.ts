import type { ApiOperation } from "@/lib/openapi/operation";
import { healthOperations } from "@/lib/openapi/operations/health";

/** Every documented operation; `tests/unit/openapi-coverage.test.ts` checks none is missing. */
export const OPERATIONS: readonly ApiOperation[] = [...healthOperations];
