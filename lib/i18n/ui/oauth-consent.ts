/** Text of the consent page a third-party app sends the user to (app/oauth/consent). */
const fr = {
  metaTitle: "Autoriser une application",
  title: "{app} souhaite accéder à votre compte",
  signedInAs: "Connecté en tant que {email}",
  intro: "Si vous autorisez l'accès, cette application pourra :",
  scopes: {
    openid: "Vous identifier avec votre compte {product}",
    profile: "Voir votre nom, votre photo de profil et votre langue",
    email: "Voir votre adresse email",
    offline_access: "Garder cet accès quand vous n'utilisez pas l'application",
  } as Record<string, string>,
  redirectNotice: "Vous serez ensuite redirigé vers {host}.",
  revokeHint: "Vous pourrez retirer cet accès à tout moment dans les paramètres de sécurité.",
  allow: "Autoriser",
  deny: "Refuser",
  expiredTitle: "Demande expirée",
  expired: "Cette demande d'autorisation a expiré ou a été ouverte dans un autre navigateur. Retournez dans l'application et recommencez.",
  logoAlt: "Logo de {app}",
};

const en: typeof fr = {
  metaTitle: "Authorize an app",
  title: "{app} wants to access your account",
  signedInAs: "Signed in as {email}",
  intro: "If you allow access, this app will be able to:",
  scopes: {
    openid: "Identify you with your {product} account",
    profile: "See your name, profile photo and language",
    email: "See your email address",
    offline_access: "Keep this access while you are not using the app",
  },
  redirectNotice: "You will then be sent back to {host}.",
  revokeHint: "You can remove this access at any time in your security settings.",
  allow: "Allow",
  deny: "Deny",
  expiredTitle: "Request expired",
  expired: "This authorization request expired or was opened in another browser. Go back to the app and start again.",
  logoAlt: "{app} logo",
};

export const oauthConsentText = { fr, en };
