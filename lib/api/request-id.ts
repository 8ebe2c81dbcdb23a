import "server-only";
const VALID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed incoming `x-request-id` (set by proxy.ts or a caller), else makes one. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && VALID.test(incoming) ? incoming : crypto.randomUUID();
}
