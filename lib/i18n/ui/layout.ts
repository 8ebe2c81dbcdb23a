/** Text of the settings shell: navigation, user menu, unverified-email banner. */
const fr = {
  settings: "Paramètres",
  mainNav: "Navigation des paramètres",
  profile: "Profil",
  security: "Sécurité",
  notifications: "Notifications",
  integrations: "Intégrations",
  userMenu: "Menu du compte",
  signedInAs: "Connecté en tant que",
  signOut: "Se déconnecter",
  signingOut: "Déconnexion…",
  unverifiedTitle: "Vérifiez votre adresse email",
  unverifiedBody: "Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer que cette adresse est bien la vôtre.",
  resend: "Renvoyer l'email",
  resent: "Email de vérification envoyé",
  resendFailed: "L'envoi a échoué. Réessayez dans un instant.",
};

const en: typeof fr = {
  settings: "Settings",
  mainNav: "Settings navigation",
  profile: "Profile",
  security: "Security",
  notifications: "Notifications",
  integrations: "Integrations",
  userMenu: "Account menu",
  signedInAs: "Signed in as",
  signOut: "Sign out",
  signingOut: "Signing out…",
  unverifiedTitle: "Verify your email address",
  unverifiedBody: "We sent a link to {email}. Open it to confirm this address is yours.",
  resend: "Resend email",
  resent: "Verification email sent",
  resendFailed: "Sending failed. Try again in a moment.",
};

export const layoutText = { fr, en };
export type LayoutText = typeof fr;
