/**
 * Text of /settings/integrations. `en` is typed after `fr`, so a key missing in one language
 * fails the type check.
 */
const fr = {
  metaTitle: "Intégrations",
  title: "Intégrations",
  description: "Les services tiers reliés à votre compte. Vous pouvez les déconnecter à tout moment.",
  connected: "Connecté",
  notConnected: "Non connecté",
  notConfigured: "Indisponible",
  notConfiguredHint: "Cette intégration n'est pas configurée sur ce portail.",
  connectedSince: "Connecté le",
  scopes: "Accès demandés",
  connect: "Connecter",
  connectLabel: "Connecter {name}",
  connecting: "Redirection…",
  disconnect: "Déconnecter",
  disconnectLabel: "Déconnecter {name}",
  disconnecting: "Déconnexion…",
  disconnectTitle: "Déconnecter {name} ?",
  disconnectBody: "Le portail n'aura plus accès à {name}. Vous pourrez le reconnecter plus tard.",
  disconnectConfirm: "Déconnecter",
  cancel: "Annuler",
  connectedToast: "{name} est connecté",
  disconnectedToast: "{name} est déconnecté",
  errorToast: "La connexion a échoué : {message}",
  failed: "L'opération a échoué",
  empty: "Aucune intégration disponible.",
};

const en: typeof fr = {
  metaTitle: "Integrations",
  title: "Integrations",
  description: "Third-party services linked to your account. You can disconnect them at any time.",
  connected: "Connected",
  notConnected: "Not connected",
  notConfigured: "Unavailable",
  notConfiguredHint: "This integration is not configured on this portal.",
  connectedSince: "Connected",
  scopes: "Requested access",
  connect: "Connect",
  connectLabel: "Connect {name}",
  connecting: "Redirecting…",
  disconnect: "Disconnect",
  disconnectLabel: "Disconnect {name}",
  disconnecting: "Disconnecting…",
  disconnectTitle: "Disconnect {name}?",
  disconnectBody: "The portal will no longer have access to {name}. You can connect it again later.",
  disconnectConfirm: "Disconnect",
  cancel: "Cancel",
  connectedToast: "{name} is connected",
  disconnectedToast: "{name} is disconnected",
  errorToast: "The connection failed: {message}",
  failed: "The operation failed",
  empty: "No integration available.",
};

export const settingsIntegrationsText = { fr, en };
export type SettingsIntegrationsText = typeof fr;
