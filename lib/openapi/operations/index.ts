import type { ApiOperation } from "@/lib/api/define-route";
import { ROUTES } from "@/lib/contracts";
import { authOperations } from "@/lib/openapi/operations/auth";
import { healthOperations } from "@/lib/openapi/operations/health";
import { profileOperations } from "@/lib/openapi/operations/profile";
import { sessionOperations } from "@/lib/openapi/operations/sessions";
import { twoFactorOperations } from "@/lib/openapi/operations/two-factor";

/** Every documented operation; `tests/unit/openapi-coverage.test.ts` checks none is missing. */
export const OPERATIONS: readonly ApiOperation[] = [
  ...authOperations,
  ...twoFactorOperations,
  ...sessionOperations,
  ...profileOperations,
  ...healthOperations,
  ...ROUTES,
];
