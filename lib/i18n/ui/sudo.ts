/**
 * Text of the sudo-mode dialog ("Confirm it's you"), shown on the settings pages when a
 * sensitive action needs a recent re-authentication. `en` is typed after `fr`, so a key
 * missing in one language fails the type check. Loaded with the dialog, not with the pages.
 * French puts a non-breaking space (\u00a0) before ":", "?" and "!".
 */
const fr = {
  title: "Confirmez votre identité",
  description: "C'est une action sensible\u00a0: pour continuer, prouvez que c'est bien vous. On ne vous le redemandera pas pendant {duration}.",
  signedInAs: "Connecté en tant que",
  methodLegend: "Confirmer avec",
  methodCode: "Code 2FA",
  methodPassword: "Mot de passe",
  password: "Votre mot de passe",
  code: "Code de vérification ou de secours",
  codeHint: "Les 6 chiffres de votre application d'authentification, ou l'un de vos codes de secours (8 chiffres).",
  passwordRequired: "Saisissez votre mot de passe",
  codeRequired: "Saisissez un code",
  confirm: "Confirmer",
  confirming: "Vérification…",
  cancel: "Annuler",
  close: "Fermer",
  showPassword: "Afficher le mot de passe",
  hidePassword: "Masquer le mot de passe",
  failed: "La vérification n'a pas abouti. Réessayez.",
  signInAgainBody: "Votre compte n'a ni mot de passe ni authentification à deux facteurs\u00a0: reconnectez-vous pour confirmer votre identité, puis recommencez l'action.",
  signInAgain: "Se reconnecter avec {provider}",
  noMethod: "Déconnectez-vous puis reconnectez-vous pour confirmer votre identité, puis recommencez l'action.",
  reasons: {
    generic: "Vous faites une modification sensible de votre compte.",
    email: "Vous changez l'adresse email de connexion.",
    password: "Vous changez votre mot de passe.",
    twoFactor: "Vous modifiez l'authentification à deux facteurs.",
    backupCodes: "Vous renouvelez vos codes de secours.",
    deleteAccount: "Vous supprimez votre compte.",
    authorizedApp: "Vous retirez l'accès d'une application.",
    personalToken: "Vous gérez vos jetons d'accès personnels.",
    oauthApp: "Vous gérez vos applications OAuth.",
    integration: "Vous gérez un service connecté.",
  },
};

const en: typeof fr = {
  title: "Confirm it's you",
  description: "This is a sensitive action: to continue, prove it's you. You won't be asked again for {duration}.",
  signedInAs: "Signed in as",
  methodLegend: "Confirm with",
  methodCode: "2FA code",
  methodPassword: "Password",
  password: "Your password",
  code: "Verification or backup code",
  codeHint: "The 6 digits from your authenticator app, or one of your backup codes (8 digits).",
  passwordRequired: "Enter your password",
  codeRequired: "Enter a code",
  confirm: "Confirm",
  confirming: "Checking…",
  cancel: "Cancel",
  close: "Close",
  showPassword: "Show password",
  hidePassword: "Hide password",
  failed: "The check did not go through. Please try again.",
  signInAgainBody: "Your account has neither a password nor two-factor authentication: sign in again to confirm it's you, then repeat the action.",
  signInAgain: "Sign in again with {provider}",
  noMethod: "Sign out and sign in again to confirm it's you, then repeat the action.",
  reasons: {
    generic: "You are making a sensitive change to your account.",
    email: "You are changing the email address you sign in with.",
    password: "You are changing your password.",
    twoFactor: "You are changing two-factor authentication.",
    backupCodes: "You are renewing your backup codes.",
    deleteAccount: "You are deleting your account.",
    authorizedApp: "You are taking back an app's access.",
    personalToken: "You are managing your personal access tokens.",
    oauthApp: "You are managing your OAuth apps.",
    integration: "You are managing a connected service.",
  },
};

export const sudoText = { fr, en };
export type SudoText = typeof fr;
export type SudoReason = keyof SudoText["reasons"];
