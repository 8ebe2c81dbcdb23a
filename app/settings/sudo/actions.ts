"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { AppError, isAppError } from "@/lib/core/errors";
import { localize } from "@/lib/i18n/locale";
import { reauthenticate } from "@/lib/services/auth/reauthenticate";
import { reauthenticateSchema, type ReauthenticateInput } from "@/lib/validation/reauthenticate";

/**
 * Sudo mode for the settings pages: the "Confirm it's you" dialog sends the password, or a
 * TOTP or backup code, and this session's `reauthenticatedAt` is set, so the sensitive
 * action the dialog interrupted can run again at once. A wrong proof is answered on its
 * field (the dialog keeps focus there); a refusal by the attempt limit (429) keeps its own
 * code and message, so the dialog shows it as it is. Not itself sensitive: it is the proof.
 */
export const reauthenticateAction = defineAction({
  policy: { access: "user", sensitivity: "none" },
  input: { schema: reauthenticateSchema, from: (proof: ReauthenticateInput) => proof },
  handler: async function reauthenticateAction({ input: proof, user, session, locale, client }): Promise<Record<never, never>> {
    try {
      await reauthenticate({ userId: user.id, sessionId: session.id, proof, client });
    } catch (error) {
      if (isAppError(error) && (error.code === "INVALID_PASSWORD" || error.code === "INVALID_2FA_CODE")) {
        const field = "code" in proof ? "code" : "password";
        throw new AppError(error.code, { details: { [field]: error.options.message ?? localize(locale, ERROR_CODES[error.code]) } });
      }
      throw error;
    }
    return {};
  },
});
