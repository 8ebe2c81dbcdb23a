import "server-only";
import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";
import type { Locale } from "@/lib/i18n/locale";

const NO_STORE = { "cache-control": "no-store" };

/** A JSON answer; API answers are never cached (they hold personal data). */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(NO_STORE)) if (!headers.has(k)) headers.set(k, v);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** The one error envelope (docs/contracts/README.md "Error envelope"), readable by the 002, 003 and 004 clients. */
export function errorBody(code: ErrorCode, locale: Locale, options: { details?: Record<string, string>; message?: string } = {}) {
  const entry = ERROR_CODES[code];
  return {
    success: false as const,
    statusCode: entry.status,
    error: code,
    message: options.message ?? entry[locale],
    ...(options.details ? { details: options.details } : {}),
  };
}

export function errorResponse(
  code: ErrorCode,
  locale: Locale,
  options: { details?: Record<string, string>; message?: string; headers?: HeadersInit } = {},
): Response {
  return jsonResponse(errorBody(code, locale, options), { status: ERROR_CODES[code].status, headers: options.headers });
}
