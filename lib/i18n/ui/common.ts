import { errorText } from "./error";

/**
 * Text shared by every page (theme switch, generic states, not-found and error pages). `en`
 * is typed after `fr`, so a key missing in one language fails the type check.
 */
const fr = {
  productName: "Account Portal",
  skipToContent: "Aller au contenu",
  theme: { group: "Thème", light: "Clair", dark: "Sombre", system: "Système" },
  showPassword: "Afficher le mot de passe",
  hidePassword: "Masquer le mot de passe",
  close: "Fermer",
  cancel: "Annuler",
  loading: "Chargement…",
  genericError: "Une erreur inattendue est survenue. Réessayez.",
  notFoundTitle: "Page introuvable",
  notFoundBody: "Cette page n'existe pas ou a été déplacée.",
  notFoundAction: "Retour à l'accueil",
  notifications: "Notifications",
  closeNotification: "Fermer la notification",
  ...errorText.fr,
};

const en: typeof fr = {
  productName: "Account Portal",
  skipToContent: "Skip to content",
  theme: { group: "Theme", light: "Light", dark: "Dark", system: "System" },
  showPassword: "Show password",
  hidePassword: "Hide password",
  close: "Close",
  cancel: "Cancel",
  loading: "Loading…",
  genericError: "Something unexpected happened. Please try again.",
  notFoundTitle: "Page not found",
  notFoundBody: "This page does not exist or has moved.",
  notFoundAction: "Back to home",
  notifications: "Notifications",
  closeNotification: "Dismiss notification",
  ...errorText.en,
};

export const commonText = { fr, en };
export type CommonText = typeof fr;
