/** The text of the pages proxy.ts answers by itself (lib/api/status-page.ts). `en` is typed after `fr`. */
const fr = {
  unavailableTitle: "Service momentanément indisponible",
  unavailableBody: "Le portail ne peut pas joindre sa base de données. Réessayez dans quelques instants.",
  unavailableRetry: "Réessayer",
  badAddressTitle: "Adresse invalide",
  badAddressBody: "Cette adresse contient un encodage (%) qui n'est pas valide.",
  badAddressHome: "Retour à l'accueil",
};

const en: typeof fr = {
  unavailableTitle: "Service temporarily unavailable",
  unavailableBody: "The portal cannot reach its database. Please try again in a few moments.",
  unavailableRetry: "Try again",
  badAddressTitle: "Invalid address",
  badAddressBody: "This address holds percent-encoding (%) that is not valid.",
  badAddressHome: "Back to home",
};

export const statusText = { fr, en };
