"use server";

// The two emailed links of an email change land on portal pages whose button posts here.
// Neither needs a session: the link's token is the proof (the new inbox, or the old one).

import type { ActionResult } from "@/lib/actions/action-result";
import type { EmailLinkState } from "@/lib/actions/auth-results";
import { defineAction } from "@/lib/actions/define-action";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { localize, type Locale } from "@/lib/i18n/locale";
import { cancelEmailChangeFromNotice } from "@/lib/services/profile/cancel-email-change";
import { confirmEmailChange } from "@/lib/services/profile/confirm-email-change";
import { confirmEmailChangeSchema } from "@/lib/validation/profile";

const PUBLIC = { access: "public" } as const;

/** The link page's form: its hidden `token` field (useActionState passes the previous state first). */
const linkToken = {
  schema: confirmEmailChangeSchema,
  from: (_previous: EmailLinkState, form: FormData) => ({ token: form.get("token") }),
};

/**
 * The card's state: the address, or the refusal's code and message. A malformed token is a
 * link that does not work, as an unknown one is (the one-time token service refuses both).
 */
function linkState(result: ActionResult<{ email: string }>, locale: Locale): EmailLinkState {
  if (result.ok) return { status: "done", email: result.email };
  const code = result.error === "VALIDATION_ERROR" ? "INVALID_OR_EXPIRED_TOKEN" : result.error;
  return { status: "error", code, message: localize(locale, ERROR_CODES[code]) };
}

/** The new address's link: it becomes the sign-in address (once; 400 if used, expired or cancelled). */
export const confirmEmailChangeAction = defineAction({
  policy: PUBLIC,
  input: linkToken,
  answer: linkState,
  handler: async function confirmEmailChangeAction({ input, locale, client }) {
    return { email: (await confirmEmailChange({ token: input.token, locale, client })).email };
  },
});

/** The old address's link: the change is cancelled and every session ends. */
export const cancelEmailChangeAction = defineAction({
  policy: PUBLIC,
  input: linkToken,
  answer: linkState,
  handler: async function cancelEmailChangeAction({ input, client }) {
    return { email: (await cancelEmailChangeFromNotice({ token: input.token, client })).email };
  },
});
