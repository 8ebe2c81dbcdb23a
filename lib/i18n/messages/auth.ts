import type { Localized } from "@/lib/i18n/locale";

/**
 * Success messages of the accounts API. Where a seed document shows a message, the French
 * text is that message verbatim.
 */
export const AUTH_MESSAGES = {
  loginSucceeded: { fr: "Connexion réussie", en: "Signed in successfully" },
  twoFactorRequired: { fr: "Vérification 2FA requise", en: "2FA verification required" },
  registered: { fr: "Inscription réussie. Un email de vérification a été envoyé.", en: "Registration successful. A verification email has been sent." },
  userCreated: { fr: "Utilisateur créé avec succès", en: "User created successfully" },
  loggedOut: { fr: "Déconnexion réussie", en: "Signed out successfully" },
  reauthenticated: { fr: "Identité confirmée", en: "Identity confirmed" },
  passwordChanged: { fr: "Mot de passe modifié avec succès", en: "Password updated successfully" },
  verificationSent: { fr: "Email de vérification envoyé", en: "Verification email sent" },
  verificationResent: { fr: "Nouvel email de vérification envoyé", en: "New verification email sent" },
  emailVerified: { fr: "Email vérifié avec succès", en: "Email verified successfully" },
  forgotPassword: { fr: "Si cet email existe, un lien de réinitialisation a été envoyé", en: "If this email exists, a reset link has been sent" },
  resetRequested: { fr: "Un email de réinitialisation a été envoyé à votre adresse.", en: "A reset email has been sent to your address." },
  passwordReset: { fr: "Mot de passe réinitialisé avec succès", en: "Password reset successfully" },
  resetTokenValid: { fr: "Token valide", en: "Valid token" },
  sessionRevoked: { fr: "Session révoquée avec succès", en: "Session revoked successfully" },
  otherSessionsRevoked: { fr: "Toutes les autres sessions ont été révoquées", en: "All other sessions have been revoked" },
  expiresIn24Hours: { fr: "24 heures", en: "24 hours" },
  expiresIn1Hour: { fr: "1 heure", en: "1 hour" },
} satisfies Record<string, Localized>;

/** Email subjects and bodies (the templates in lib/mail/templates read them). */
export const AUTH_EMAILS = {
  verifySubject: { fr: "Confirmez votre adresse email", en: "Confirm your email address" },
  verifyHeading: { fr: "Confirmez votre adresse email", en: "Confirm your email address" },
  verifyBody: {
    fr: "Pour activer votre compte, confirmez que cette adresse vous appartient. Ce lien est valable 24 heures et ne peut servir qu'une fois.",
    en: "To activate your account, confirm that this address is yours. This link is valid for 24 hours and works once.",
  },
  verifyAction: { fr: "Confirmer mon email", en: "Confirm my email" },
  verifyFooter: {
    fr: "Si vous n'avez pas créé de compte, ignorez ce message.",
    en: "If you did not create an account, ignore this message.",
  },
  resetSubject: { fr: "Réinitialisez votre mot de passe", en: "Reset your password" },
  resetHeading: { fr: "Réinitialisez votre mot de passe", en: "Reset your password" },
  resetBody: {
    fr: "Une réinitialisation du mot de passe a été demandée pour votre compte. Ce lien est valable 1 heure et ne peut servir qu'une fois.",
    en: "A password reset was requested for your account. This link is valid for 1 hour and works once.",
  },
  resetAction: { fr: "Choisir un nouveau mot de passe", en: "Choose a new password" },
  resetFooter: {
    fr: "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
    en: "If you did not ask for this, ignore this message: your password stays unchanged.",
  },
  changedSubject: { fr: "Votre mot de passe a été modifié", en: "Your password was changed" },
  changedHeading: { fr: "Votre mot de passe a été modifié", en: "Your password was changed" },
  changedBody: {
    fr: "Le mot de passe de votre compte vient d'être modifié. Les autres appareils connectés ont été déconnectés.",
    en: "Your account's password has just been changed. Other signed-in devices have been signed out.",
  },
  endedHeading: { fr: "Ce qui a été arrêté :", en: "What was ended:" },
  endedSessions: { fr: "Sessions fermées : {n}", en: "Sessions signed out: {n}" },
  endedTokens: { fr: "Jetons d'accès personnels révoqués : {n}", en: "Personal access tokens revoked: {n}" },
  endedApps: { fr: "Applications autorisées révoquées : {n}", en: "Authorized apps revoked: {n}" },
  endedEmailChange: { fr: "Changement d'adresse email en attente annulé", en: "Pending email address change cancelled" },
  endedNothing: { fr: "Aucune autre session n'était ouverte.", en: "No other session was open." },
} satisfies Record<string, Localized>;
