import "server-only";
import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";

/** A failure the caller can act on: mapped to its status and localised message by the API layer. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      details?: Record<string, string>;
      headers?: Record<string, string>;
      /** Overrides the catalogue's message (already localised by the caller). */
      message?: string;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
