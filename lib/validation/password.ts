import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

const MAX_PASSWORD_BYTES = 72;

let commonPasswords: Set<string> | undefined;

/**
 * True when the password, ignoring case, is in zxcvbn's list of the ~50,000 most used
 * passwords. The set is built on first use so a page that only needs the rules does not
 * pay for the list.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords.has(password.toLowerCase());
}

const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? "required" : undefined) });

/**
 * The password policy (docs/contracts/README.md "Sessions and tokens") without the dictionary:
 * at least 8 characters with an upper-case letter, a lower-case letter and a digit, at most 72
 * bytes (bcrypt ignores the rest). Light enough for the browser bundle.
 */
export const passwordRulesSchema = requiredString()
  .min(8, "password.min")
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, "password.max")
  .regex(/\p{Lu}/u, "password.uppercase")
  .regex(/\p{Ll}/u, "password.lowercase")
  .regex(/\d/, "password.digit");

/** The policy every route that sets a password applies: the rules plus common-password refusal. */
export const passwordSchema = passwordRulesSchema.refine((p) => !isCommonPassword(p), "password.common");
