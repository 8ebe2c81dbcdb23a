import type { ApiOperation } from "@/lib/api/define-route";
import { ROUTES } from "@/lib/contracts";
import { integrationOperations } from "@/lib/openapi/operations/integrations";
import { profileOperations } from "@/lib/openapi/operations/profile";
import { twoFactorOperations } from "@/lib/openapi/operations/two-factor";

/** Every documented operation; `tests/unit/openapi-coverage.test.ts` checks none is missing. */
export const OPERATIONS: readonly ApiOperation[] = [
  ...twoFactorOperations,
  ...profileOperations,
  ...integrationOperations,
  ...ROUTES,
];
