"use server";

// The two emailed links of an email change land on portal pages whose button posts here.
// Neither needs a session: the link's token is the proof (the new inbox, or the old one).

import { headers } from "next/headers";
import { clientInfo } from "@/lib/core/client-info";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { isAppError } from "@/lib/core/errors";
import { publicAction } from "@/lib/actions/define-action";
import { env } from "@/lib/core/env";
import { localize } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/server";
import { logger, describeError } from "@/lib/core/logger";
import { cancelEmailChangeFromNotice } from "@/lib/services/profile/cancel-email-change";
import { confirmEmailChange } from "@/lib/services/profile/confirm-email-change";

/** What the link page shows after its button: the address that is now (or stays) the account's, or why not. */
export type EmailLinkState = { status: "idle" } | { status: "done"; email: string } | { status: "error"; code: string; message: string };

async function requestClient() {
  return clientInfo(new Request(`${env().APP_URL}/`, { headers: await headers() }));
}

function tokenOf(form: FormData): string {
  const token = form.get("token");
  return typeof token === "string" ? token.trim().slice(0, 256) : "";
}

async function settle(work: () => Promise<string>): Promise<EmailLinkState> {
  const locale = await getLocale();
  try {
    return { status: "done", email: await work() };
  } catch (error) {
    if (isAppError(error)) return { status: "error", code: error.code, message: localize(locale, ERROR_CODES[error.code]) };
    logger.error("Unhandled error in email link action", describeError(error));
    return { status: "error", code: "INTERNAL_ERROR", message: localize(locale, ERROR_CODES.INTERNAL_ERROR) };
  }
}

/** The new address's link: it becomes the sign-in address (once; 400 if used, expired or cancelled). */
export const confirmEmailChangeAction = publicAction(async (_previous: EmailLinkState, form: FormData): Promise<EmailLinkState> => {
  const locale = await getLocale();
  return settle(async () => (await confirmEmailChange({ token: tokenOf(form), locale, client: await requestClient() })).email);
});

/** The old address's link: the change is cancelled and every session ends. */
export const cancelEmailChangeAction = publicAction(async (_previous: EmailLinkState, form: FormData): Promise<EmailLinkState> => {
  return settle(async () => (await cancelEmailChangeFromNotice({ token: tokenOf(form), client: await requestClient() })).email);
});
