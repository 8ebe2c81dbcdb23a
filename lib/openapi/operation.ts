import type { ApiOperation } from "@/lib/api/define-route";

export type { ApiOperation } from "@/lib/api/define-route";

/**
 * Declares a family's operations, keyed by operationId, keeping each one's policy type so
 * `apiRoute(ops.x, handler)` hands the handler the caller that policy guarantees.
 */
export function defineOperations<T extends Record<string, ApiOperation>>(operations: { [K in keyof T]: T[K] & { operationId: K } }): T {
  return operations as T;
}

/** A family's operations as the list the document and the tests walk. */
export function operationList(operations: Record<string, ApiOperation>): ApiOperation[] {
  return Object.values(operations);
}
