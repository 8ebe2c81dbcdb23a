import { unstable_rethrow } from "next/navigation";
import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";
import { isAppError } from "@/lib/core/errors";
import { localize, type Locale } from "@/lib/i18n/locale";
import { describeError, logger } from "@/lib/core/logger";

/** What a server action answers a form: never a thrown error, which React would hide in production. */
export type ActionFailure = {
  ok: false;
  error: ErrorCode;
  message: string;
  /** Field name to localised message, for `setError` on the form's fields. */
  fieldErrors?: Record<string, string>;
};

export type ActionResult<T extends object = Record<never, never>> = ({ ok: true } & T) | ActionFailure;

/**
 * Runs a server action's work and turns the outcome into an ActionResult: an AppError becomes
 * its code with the same localised message the API answers (validation details as field
 * errors); anything else is logged and answered as INTERNAL_ERROR, so nothing internal reaches
 * the page. Next's redirect and notFound signals pass through untouched.
 */
export async function runAction<T extends object>(locale: Locale, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) {
      return {
        ok: false,
        error: error.code,
        message: error.options.message ?? localize(locale, ERROR_CODES[error.code]),
        ...(error.options.details ? { fieldErrors: error.options.details } : {}),
      };
    }
    logger.error("Unhandled error in server action", describeError(error));
    return { ok: false, error: "INTERNAL_ERROR", message: localize(locale, ERROR_CODES.INTERNAL_ERROR) };
  }
}
