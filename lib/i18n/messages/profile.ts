import type { Localized } from "@/lib/i18n/locale";

/** Success messages of the profile routes; where a seed shows a message, the French text is that message verbatim. */
export const PROFILE_MESSAGES = {
  /** Seeds 003 and 004. */
  updated: { fr: "Profil mis à jour avec succès", en: "Profile updated successfully" },
  /** Seed 002. */
  updatedShort: { fr: "Profile updated", en: "Profile updated" },
  /** Seed 001 (its document is in English). */
  updated001: { fr: "Profile updated successfully", en: "Profile updated successfully" },
  photoUpdated: { fr: "Profile photo updated successfully", en: "Profile photo updated successfully" },
  photoDeleted: { fr: "Profile photo deleted successfully", en: "Profile photo deleted successfully" },
  avatarUpdated: { fr: "Avatar mis à jour avec succès", en: "Avatar updated successfully" },
  /** Seed 004, change-password. */
  passwordChanged: { fr: "Mot de passe modifié avec succès", en: "Password changed successfully" },
  /** Seeds 003 and 004. */
  accountDeleted: { fr: "Compte supprimé avec succès", en: "Account deleted successfully" },
  notificationsUpdated: { fr: "Préférences de notification mises à jour", en: "Notification preferences updated" },
  emailChanged: { fr: "Adresse email modifiée avec succès", en: "Email address changed successfully" },
} satisfies Record<string, Localized>;

export const PROFILE_EMAILS = {
  changeRequestSubject: { fr: "Confirmez votre nouvelle adresse email", en: "Confirm your new email address" },
  changeRequestHeading: { fr: "Confirmez votre nouvelle adresse", en: "Confirm your new address" },
  changeRequestBody: {
    fr: "Vous avez demandé à utiliser cette adresse pour votre compte. Confirmez-la avec le bouton ci-dessous ; d'ici là, votre ancienne adresse reste celle de connexion.",
    en: "You asked to use this address for your account. Confirm it with the button below; until then, your old address stays your sign-in address.",
  },
  changeRequestAction: { fr: "Confirmer cette adresse", en: "Confirm this address" },
  changeRequestFooter: {
    fr: "Ce lien expire dans 24 heures. Si vous n'avez rien demandé, ignorez ce message.",
    en: "This link expires in 24 hours. If you did not ask for this, ignore this message.",
  },
  changeNoticeSubject: { fr: "Changement d'adresse email demandé", en: "Email address change requested" },
  changeNoticeHeading: { fr: "Changement d'adresse demandé", en: "Address change requested" },
  changeNoticeBody: {
    fr: "Une demande a été faite pour remplacer l'adresse de votre compte par {email}. Elle ne prendra effet qu'une fois la nouvelle adresse confirmée.",
    en: "A request was made to replace your account's address with {email}. It takes effect only once the new address is confirmed.",
  },
  changeNoticeNotYou: {
    fr: "Si ce n'est pas vous, annulez ce changement avec le bouton ci-dessous : tous les appareils connectés seront déconnectés, puis changez votre mot de passe.",
    en: "If this was not you, cancel the change with the button below: every signed-in device will be signed out; then change your password.",
  },
  changeNoticeAction: { fr: "Annuler ce changement et sécuriser mon compte", en: "Cancel this change and secure my account" },
  changeNoticeFooter: {
    fr: "Ce lien fonctionne une fois, pendant 24 heures. Si c'est bien vous, ignorez ce message.",
    en: "This link works once, for 24 hours. If this was you, ignore this message.",
  },
  changedSubject: { fr: "Votre adresse email a été modifiée", en: "Your email address was changed" },
  changedHeading: { fr: "Adresse email modifiée", en: "Email address changed" },
  changedBody: {
    fr: "L'adresse de connexion de votre compte est désormais {email}. Ce message est envoyé à votre ancienne adresse.",
    en: "Your account's sign-in address is now {email}. This message is sent to your old address.",
  },
} satisfies Record<string, Localized>;
