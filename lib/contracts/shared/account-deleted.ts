import "server-only";
import { z } from "zod";
import { localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_MESSAGES } from "@/lib/i18n/messages/profile";
import { message, successTrue } from "@/lib/contracts/shared/primitives";

/** The answer to an account deletion, the same for NutriScan and REST v1 (`DELETE /api/users/profile/{email}`, `DELETE /api/me`). */

/** `accountDeleted`. */
export const AccountDeleted = z
  .object({ success: successTrue, message })
  .meta({ id: "AccountDeleted", description: "Message: « Compte supprimé avec succès »." });
export type AccountDeleted = z.infer<typeof AccountDeleted>;

export function accountDeleted(locale: Locale): z.output<typeof AccountDeleted> {
  return { success: true, message: localize(locale, PROFILE_MESSAGES.accountDeleted) };
}
