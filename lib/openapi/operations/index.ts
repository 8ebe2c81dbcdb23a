import type { RouteDefinition } from "@/lib/api/define-route";
import { ROUTES } from "@/lib/contracts";
import { getOpenApiDocument } from "@/lib/openapi/route";

/**
 * Every documented route: the client contracts' (lib/contracts) and the document's own.
 * The document, the fuzzer and the credential-matrix test walk this list;
 * `tests/unit/openapi-coverage.test.ts` checks no route file is missing from it.
 */
export const OPERATIONS: readonly RouteDefinition[] = [...ROUTES, getOpenApiDocument];
