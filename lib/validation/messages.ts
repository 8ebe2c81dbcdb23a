import type { Localized } from "@/lib/i18n/locale";

/**
 * Messages that shared zod schemas name by key (`z.string().min(8, "password.min")`), so one
 * schema serves French and English callers; `localizeIssue` turns the key into text.
 */
export const VALIDATION_MESSAGES = {
  required: { fr: "Ce champ est requis", en: "This field is required" },
  "email.invalid": { fr: "Format d'email invalide", en: "Invalid email format" },
  "password.min": { fr: "Le mot de passe doit contenir au moins 8 caractères", en: "Password must be at least 8 characters" },
  "password.max": { fr: "Le mot de passe ne doit pas dépasser 72 octets", en: "Password must be at most 72 bytes" },
  "password.uppercase": { fr: "Le mot de passe doit contenir une majuscule", en: "Password must contain an upper-case letter" },
  "password.lowercase": { fr: "Le mot de passe doit contenir une minuscule", en: "Password must contain a lower-case letter" },
  "password.digit": { fr: "Le mot de passe doit contenir un chiffre", en: "Password must contain a digit" },
  "password.common": { fr: "Ce mot de passe est trop courant", en: "This password is too common" },
  "password.mismatch": { fr: "Les mots de passe ne correspondent pas", en: "Passwords do not match" },
  "password.unchanged": { fr: "Le nouveau mot de passe doit être différent de l'actuel", en: "The new password must differ from the current one" },
  "phone.invalid": { fr: "Numéro de téléphone invalide", en: "Invalid phone number" },
  "date.invalid": { fr: "Date invalide (AAAA-MM-JJ)", en: "Invalid date (YYYY-MM-DD)" },
  "url.invalid": { fr: "URL http(s) invalide", en: "Invalid http(s) URL" },
  "string.tooLong": { fr: "Texte trop long", en: "Text too long" },
  "string.nul": { fr: "Caractère nul (U+0000) interdit", en: "NUL character (U+0000) not allowed" },
  "number.nonNegative": { fr: "Doit être un entier positif ou nul", en: "Must be a non-negative integer" },
  "number.pageSize": { fr: "Doit être un entier entre 1 et 100", en: "Must be an integer between 1 and 100" },
  "token.invalid": { fr: "Token invalide", en: "Invalid token" },
  "code.invalid": { fr: "Code invalide", en: "Invalid code" },
  "twoFactor.method": { fr: "Méthode non prise en charge (seule « app » l'est)", en: "Unsupported method (only \"app\" is)" },
  "field.unknown": { fr: "Champ non autorisé", en: "Field not allowed" },
  "boolean.expected": { fr: "Doit être un booléen", en: "Must be a boolean" },
  "locale.invalid": { fr: "Langue invalide (ex. fr, en-GB)", en: "Invalid language (e.g. fr, en-GB)" },
} satisfies Record<string, Localized>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
